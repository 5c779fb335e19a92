/** The kit's own rule: close() closes every connection and opens none. */
import { violation } from '../../model/failure.js';
import type { LibraryScenario } from '../scenario.js';
import { quote, S } from '../sentences.js';
import { openWithBackup } from './steps.js';

export const CLOSE_SCENARIOS: LibraryScenario[] = [
  {
    id: 'library/close/closes-everything',
    title: 'after close, every connection the library opened is closed',
    reference: quote(S.closeClosesEverything),
    sentence: S.closeClosesEverything,
    level: 'must',
    async run(ctx) {
      await openWithBackup(ctx);
      // A names its backup again while the library closes: a library must not follow it once closed.
      ctx.pair.sendRestoreConnection();
      await ctx.close();
      const closedAt = ctx.pair.wire.length;
      const open = (): number => ctx.pair.openConnections();
      for (const server of ['A', 'B'] as const) {
        while (ctx.pair.openConnections(server) > 0) {
          await ctx
            .waitWire((e) => e.kind === 'close' && e.server === server, `the library's connections to ${server} to close`, quote(S.closeClosesEverything), ctx.pair.wire.length)
            .catch(() => {
              throw violation(`after close, ${open()} connection(s) of the library stayed open`, 'every connection closed', `${open()} open`, undefined, quote(S.closeClosesEverything));
            });
        }
      }
      const reopened = ctx.pair.wire.find((e) => e.kind === 'open', closedAt);
      if (reopened) {
        throw violation(`after close, the library opened a connection to ${reopened.server}`, 'no connection opened after close', `a connection to ${reopened.server}`, undefined, quote(S.closeClosesEverything));
      }
    },
  },
];
