/** The reference's ordering of link events around EventPrimaryChanged reaches the application unchanged. */
import { violation } from '../../model/failure.js';
import { appEvent } from '../context.js';
import type { LibraryContext } from '../context.js';
import type { LibraryScenario } from '../scenario.js';
import { quote, S, type LibrarySentenceId } from '../sentences.js';
import { openWithBackup } from './steps.js';

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
  linkOrder('disconnected-before-primary-changed', 'EventLinkDisconnected reaches the application just before EventPrimaryChanged', S.linkDisconnectedBefore, 'B', [
    'EventLinkDisconnected',
    'EventPrimaryChanged',
  ]),
  linkOrder('connected-after-primary-changed', 'EventLinkConnected reaches the application immediately after EventPrimaryChanged', S.linkConnectedAfter, 'A', [
    'EventPrimaryChanged',
    'EventLinkConnected',
  ]),
];

/** With `linkDown`'s switch link down, a switchover: the new primary's two events reach the application one right after the other. */
function linkOrder(name: string, title: string, sentence: LibrarySentenceId, linkDown: 'A' | 'B', [first, second]: [string, string]): LibraryScenario {
  return {
    id: `library/link/${name}`,
    title,
    reference: `${quote(sentence)} ${quote(S.orderingSimplifies)}`,
    sentence,
    level: 'must',
    async run(ctx) {
      await openWithBackup(ctx);
      ctx.pair.setLink(linkDown, false);
      await ctx.pair.switchover();
      await adjacent(ctx, first, second, sentence);
    },
  };
}
