/** The reference's ordering of link events around EventPrimaryChanged reaches the application unchanged. */
import { violation } from '../../model/failure.js';
import { appEvent } from '../context.js';
import type { LibraryContext } from '../context.js';
import type { LibraryScenario } from '../scenario.js';
import { quote, S, type LibrarySentenceId } from '../sentences.js';
import { backupConnected, openRegistered } from './steps.js';

async function adjacent(ctx: LibraryContext, first: string, second: string, sentence: LibrarySentenceId): Promise<void> {
  const b = ctx.pair.name('B');
  await ctx.waitApp(appEvent(second, b), `${second} from B`, quote(sentence));
  const fromB: string[] = ctx.app.entries.filter((e) => e.server === b).map((e) => e.message.Event);
  const i = fromB.indexOf(first);
  if (i < 0 || fromB[i + 1] !== second) {
    throw violation(
      `the application did not get ${first} immediately followed by ${second} from the new primary`,
      `${first}, then ${second}, nothing between`,
      `B's events as dispatched: ${fromB.join(', ') || '(none)'}`,
      undefined,
      quote(sentence),
    );
  }
}

export const LINK_SCENARIOS: LibraryScenario[] = [
  {
    id: 'library/link/disconnected-before-primary-changed',
    title: 'EventLinkDisconnected reaches the application just before EventPrimaryChanged',
    reference: `${quote(S.linkDisconnectedBefore)} ${quote(S.orderingSimplifies)}`,
    sentence: S.linkDisconnectedBefore,
    level: 'must',
    async run(ctx) {
      await openRegistered(ctx);
      await backupConnected(ctx);
      ctx.pair.setLink('B', false);
      await ctx.pair.switchover();
      await adjacent(ctx, 'EventLinkDisconnected', 'EventPrimaryChanged', S.linkDisconnectedBefore);
    },
  },
  {
    id: 'library/link/connected-after-primary-changed',
    title: 'EventLinkConnected reaches the application immediately after EventPrimaryChanged',
    reference: `${quote(S.linkConnectedAfter)} ${quote(S.orderingSimplifies)}`,
    sentence: S.linkConnectedAfter,
    level: 'must',
    async run(ctx) {
      await openRegistered(ctx);
      await backupConnected(ctx);
      ctx.pair.setLink('A', false);
      await ctx.pair.switchover();
      await adjacent(ctx, 'EventPrimaryChanged', 'EventLinkConnected', S.linkConnectedAfter);
    },
  },
];
