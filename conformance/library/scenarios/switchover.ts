/** Where requests go after a switchover, and what the application is told. */
import { violation } from '../../model/failure.js';
import { appEvent } from '../context.js';
import type { LibraryScenario } from '../scenario.js';
import { quote, S } from '../sentences.js';
import { switchedOver } from './steps.js';

const isPrimaryChanged = (m: { Event: string }): boolean => m.Event === 'EventPrimaryChanged';
const isRestore = (m: { Event: string }): boolean => m.Event === 'EventRestoreConnection';

export const SWITCHOVER_SCENARIOS: LibraryScenario[] = [
  {
    id: 'library/server-role-1/requests-follow',
    title: 'after EventRestoreConnection ServerRole 1 alone, requests go to the server that is primary now',
    reference: quote(S.serverRole1, S.serverRoleRace),
    sentence: S.serverRoleRace,
    level: 'must',
    async run(ctx) {
      // Only A's ServerRole 1 tells the library: B's EventPrimaryChanged is held back until the end.
      const dn = await switchedOver(ctx, { hold: ['B', isPrimaryChanged] });
      await ctx.probeUntil('B', dn, quote(S.serverRole1, S.serverRoleRace), "A's EventRestoreConnection ServerRole 1 (B's EventPrimaryChanged held back)");
      ctx.pair.release('B');
    },
  },
  {
    id: 'library/primary-changed/requests-follow',
    title: 'after EventPrimaryChanged alone, requests go to the server that reported it',
    reference: quote(S.reliesOnPrimaryChanged),
    sentence: S.reliesOnPrimaryChanged,
    level: 'must',
    async run(ctx) {
      const dn = await switchedOver(ctx, { hold: ['A', isRestore] });
      await ctx.waitApp(appEvent('EventPrimaryChanged'), 'EventPrimaryChanged', quote(S.resync));
      // The library has read EventPrimaryChanged (it dispatched it): its very next request must go to B.
      const at = await ctx.probe(dn);
      if (at !== 'B') {
        throw violation("after dispatching B's EventPrimaryChanged, the library sent a request to A", 'the request at B, the new primary', `the request at ${at}`, undefined, quote(S.reliesOnPrimaryChanged));
      }
      ctx.pair.release('A');
    },
  },
  {
    id: 'library/primary-changed/dispatched',
    title: 'EventPrimaryChanged reaches the application from the new primary',
    // EventRestoreConnection "is different from EventPrimaryChanged in that it is ... never delivered to clients": EventPrimaryChanged is.
    reference: quote(S.restoreNeverDelivered, S.resync),
    sentence: S.restoreNeverDelivered,
    level: 'must',
    async run(ctx) {
      await switchedOver(ctx);
      const e = await ctx.waitApp(appEvent('EventPrimaryChanged'), 'EventPrimaryChanged', quote(S.restoreNeverDelivered));
      if (e.server !== ctx.pair.name('B')) {
        throw violation('EventPrimaryChanged reached the application naming another server than the new primary', `server ${ctx.pair.name('B')} (B, "the one reporting this event")`, `server ${e.server ?? '(none)'}`, undefined, quote(S.resync));
      }
    },
  },
  doubleSwitchover('new-primary-first', 'B', isRestore),
  doubleSwitchover('old-primary-first', 'A', isPrimaryChanged),
];

/**
 * Two quick switchovers (A to B to A) with one server's stream read first:
 * the other's is held back by `held` until the first's EventPrimaryChanged
 * was dispatched. B writes EventPrimaryChanged then ServerRole 1, A writes
 * ServerRole 1 then EventPrimaryChanged; either way requests end on A.
 */
function doubleSwitchover(name: string, readFirst: 'A' | 'B', held: (m: { Event: string }) => boolean): LibraryScenario {
  const heldBack = readFirst === 'A' ? 'B' : 'A';
  return {
    id: `library/double-switchover/${name}`,
    title: `two quick switchovers (A to B to A), ${readFirst}'s stream read first: requests end on A`,
    reference: quote(S.serverRole1, S.serverRoleRace),
    sentence: S.serverRoleRace,
    level: 'must',
    async run(ctx) {
      const dn = await switchedOver(ctx, { hold: [heldBack, held], times: 2 });
      await ctx.waitApp(appEvent('EventPrimaryChanged', ctx.pair.name(readFirst)), `${readFirst}'s EventPrimaryChanged`, quote(S.resync));
      ctx.pair.release(heldBack);
      await ctx.probeUntil('A', dn, quote(S.serverRole1, S.serverRoleRace), 'two switchovers (A to B to A)');
    },
  };
}
