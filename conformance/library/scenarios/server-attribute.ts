/** Every event the application gets carries the Server the library filled in. */
import { violation } from '../../model/failure.js';
import type { LibraryContext } from '../context.js';
import type { LibraryScenario } from '../scenario.js';
import { quote, S } from '../sentences.js';
import { openRegistered, probeRoundTrip } from './steps.js';

/** Fails on the first dispatched event without `Server`, or whose `server` names no server of the pair. */
export function everyEventHasServer(ctx: LibraryContext): void {
  for (const e of ctx.app.entries) {
    const named = e.server === undefined ? undefined : ctx.pair.serverAt(e.server);
    if (e.message.Server === undefined || named === undefined) {
      throw violation(
        `${e.message.Event} reached the application ${e.message.Server === undefined ? 'without Server' : `with server ${JSON.stringify(e.server)}, which is neither ${ctx.pair.name('A')} nor ${ctx.pair.name('B')}`}`,
        'Server filled in, and the address of the server that sent the event',
        `Server ${JSON.stringify(e.message.Server)}, server ${JSON.stringify(e.server)}`,
        undefined,
        quote(S.serverMandatory),
      );
    }
  }
  serverIsAHandle(ctx);
}

/**
 * Server's form is the library's (a handle, an address, an object), so the kit does not
 * read it; what any form must keep is that it names the sender: one server's events carry
 * one value, and the two servers' events different values (spec/conformance-decisions.md).
 */
function serverIsAHandle(ctx: LibraryContext): void {
  const byServer = new Map<string, { value: string; event: string }>();
  for (const e of ctx.app.entries) {
    const value = JSON.stringify(e.message.Server);
    const first = byServer.get(e.server!);
    if (first === undefined) {
      const other = [...byServer].find(([, v]) => v.value === value);
      if (other) {
        throw violation(
          `events from two servers reached the application with the same Server: ${other[1].event} from ${other[0]} and ${e.message.Event} from ${e.server}`,
          'a different Server value for each server (Server names the server that delivered the event)',
          `Server ${value} on events from ${other[0]} and ${e.server}`,
          undefined,
          quote(S.serverMandatory),
        );
      }
      byServer.set(e.server!, { value, event: e.message.Event });
    } else if (first.value !== value) {
      throw violation(
        `events from ${e.server} reached the application with different Server values: ${first.event} with ${first.value}, ${e.message.Event} with ${value}`,
        `one Server value for every event from ${e.server}`,
        `Server ${first.value}, then ${value}`,
        undefined,
        quote(S.serverMandatory),
      );
    }
  }
}

export const SERVER_ATTRIBUTE_SCENARIOS: LibraryScenario[] = [
  {
    id: 'library/server-attribute/filled',
    title: 'every event the application gets carries Server, naming the server that sent it',
    reference: quote(S.serverMandatory),
    sentence: S.serverMandatory,
    level: 'must',
    async run(ctx) {
      const dn = await openRegistered(ctx);
      await probeRoundTrip(ctx, dn);
      const probe = ctx.app.entries.find((e) => e.message.Event === 'EventUserEvent');
      if (probe && probe.server !== ctx.pair.name('A')) {
        throw violation('an event from A reached the application naming another server', `server ${ctx.pair.name('A')}`, `server ${JSON.stringify(probe.server)}`, undefined, quote(S.serverMandatory));
      }
      everyEventHasServer(ctx);
    },
  },
];
