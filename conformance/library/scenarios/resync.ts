/** Re-synchronisation after EventPrimaryChanged: the reference's "should". */
import { wireIn } from '../context.js';
import type { LibraryScenario } from '../scenario.js';
import { quote, S } from '../sentences.js';
import { openWithBackup, required } from './steps.js';

export const RESYNC_SCENARIOS: LibraryScenario[] = [
  {
    id: 'library/primary-changed/resync',
    title: 'after EventPrimaryChanged, TQueryLocation and TQueryAddress or TQueryCall go to the new primary',
    reference: quote(S.resync),
    sentence: S.resync,
    level: 'should',
    async run(ctx) {
      await openWithBackup(ctx);
      const from = ctx.pair.wire.length;
      await ctx.pair.switchover();
      const missing = (what: string, wait: () => Promise<unknown>): Promise<unknown> =>
        required(wait(), { message: `the new primary (B) received no ${what} after EventPrimaryChanged`, expected: `${what} at B`, sentence: quote(S.resync) });
      await missing('RequestQueryLocation', () => ctx.waitWire(wireIn('B', 'RequestQueryLocation'), 'RequestQueryLocation at B', quote(S.resync), from));
      await missing('RequestQueryAddress or RequestQueryCall', () =>
        ctx.waitWire((e) => wireIn('B', 'RequestQueryAddress')(e) || wireIn('B', 'RequestQueryCall')(e), 'RequestQueryAddress or RequestQueryCall at B', quote(S.resync), from),
      );
    },
  },
];
