/** The kit's own rule: user events around a switchover reach the application exactly once. */
import { violation } from '../../model/failure.js';
import { appEvent, wireIn } from '../context.js';
import { KitClient, TRAFFIC_KEY } from '../kit-client.js';
import type { LibraryScenario } from '../scenario.js';
import { quote, S } from '../sentences.js';
import { openWithBackup } from './steps.js';

const marker = (m: { UserData?: unknown }): string | undefined => {
  const ud = m.UserData;
  if (!Array.isArray(ud)) return undefined;
  const pair = (ud as Array<[string, unknown]>).find(([k]) => k === TRAFFIC_KEY);
  return typeof pair?.[1] === 'string' ? pair[1] : undefined;
};

export const TRAFFIC_SCENARIOS: LibraryScenario[] = [
  {
    id: 'library/switchover/no-event-lost-or-doubled',
    title: 'user events sent before, at and after a switchover each reach the application once',
    reference: quote(S.noEventLost),
    sentence: S.noEventLost,
    level: 'must',
    async run(ctx) {
      const dn = await openWithBackup(ctx);
      // A library that keeps its registrations on the backup is ready now; one that is not, loses the event sent at the switch.
      await ctx
        .waitWire((e) => wireIn('B', 'RequestRegisterAddress')(e) && e.kind === 'frame' && e.message.ThisDN === dn, `RequestRegisterAddress ${dn} at B`, quote(S.noEventLost))
        .then(
          () => ctx.waitWire((e) => e.kind === 'frame' && e.dir === 'out' && e.server === 'B' && e.message.Event === 'EventRegistered' && e.message.ThisDN === dn, `EventRegistered ${dn} from B`, quote(S.noEventLost)),
          () => ctx.note(`the library did not register ${dn} at the backup before the switchover`),
        );
      const [a, b] = await Promise.all([KitClient.open(ctx.pair.simAddress('A'), ctx.password, ctx.timeoutMs), KitClient.open(ctx.pair.simAddress('B'), ctx.password, ctx.timeoutMs)]);
      try {
        await a.sendUserEvent(dn, 'before', ctx.timeoutMs);
        // B's EventPrimaryChanged and the event sent at that moment reach the library together: a library that
        // registers its DNs at B only after reading EventPrimaryChanged is too late for it, on every run.
        ctx.pair.hold('B', (m) => m.Event === 'EventPrimaryChanged');
        await ctx.pair.switchover();
        await b.sendUserEvent(dn, 'at-switch', ctx.timeoutMs);
        ctx.pair.release('B');
        await ctx.waitApp(appEvent('EventPrimaryChanged'), 'EventPrimaryChanged', quote(S.resync));
        await b.sendUserEvent(dn, 'after', ctx.timeoutMs);
        await b.sendUserEvent(dn, 'last', ctx.timeoutMs);
      } finally {
        a.close();
        b.close();
      }
      const markers = ['before', 'at-switch', 'after', 'last'];
      const seen = (): string[] => ctx.app.entries.map((e) => (e.message.Event === 'EventUserEvent' ? marker(e.message) : undefined)).filter((m): m is string => m !== undefined);
      // "last" shows B's stream up to it was read (a lost "last" is a loss like any other); the count is judged after the settle barrier, so a copy dispatched late is seen too.
      await ctx.waitApp((e) => e.message.Event === 'EventUserEvent' && marker(e.message) === 'last', 'the last scripted EventUserEvent', quote(S.noEventLost)).catch(() => undefined);
      ctx.afterSettle(() => {
        const got = seen();
        const wrong = markers.map((m) => ({ m, n: got.filter((x) => x === m).length })).filter((x) => x.n !== 1);
        if (wrong.length) {
          throw violation(
            `scripted user events around the switchover reached the application ${wrong.map((w) => `"${w.m}" ${w.n} times`).join(', ')}`,
            'before, at-switch, after and last each exactly once',
            `dispatched: ${got.join(', ') || '(none)'}`,
            undefined,
            quote(S.noEventLost),
          );
        }
      });
    },
  },
];
