/**
 * EventPrimaryChanged: "the T-Server's role has been changed from backup to
 * primary", with the link-event ordering and the client's resync.
 */
import { sentence, type SentenceId } from '../../src/reference/sentences.js';
import type { Message } from '../../src/codec/types.js';
import type { Scenario, ScenarioContext, WireClient } from '../model/scenario.js';
import { answered, blame, event } from './check.js';
import { scenarioFamily, type FamilyMember } from './family.js';
import { describe } from '../message-path/inbox.js';

const LOST = sentence('EventPrimaryChanged.warning.2');
const GAINED = sentence('EventPrimaryChanged.warning.3');
const RESYNC = sentence('EventPrimaryChanged.warning.0');

const CHANGED = sentence('EventPrimaryChanged.description.0');

const primaryChanged = event('EventPrimaryChanged');

/**
 * A client of the backup sees the switchover make its server primary. Both
 * links are set up first: on a shared target an earlier scenario may have
 * left one down, and the ordering rules depend on both.
 */
async function switchedOver(ctx: ScenarioContext, before?: () => Promise<void>): Promise<{ b: WireClient; changed: Message; since: number }> {
  const b = await ctx.client('client-of-backup', 'backup');
  if (before) {
    await ctx.control.setLink('primary', true);
    await ctx.control.setLink('backup', true);
    await before();
  }
  // Link events the set-up provoked are on the wire before the switchover: a barrier takes them in,
  // so the ordering is judged only on what the server sent after the switchover began.
  await b.sync();
  const since = b.received.length;
  await ctx.control.switchover();
  const changed = await b.expect(event('EventPrimaryChanged', (m) => b.received.indexOf(m) >= since, 'from the new primary, after the switchover began'));
  return { b, changed, since };
}

function neighbour(c: WireClient, m: Message, offset: -1 | 1, since: number): Message | undefined {
  const at = c.received.indexOf(m) + offset;
  return at >= since ? c.received[at] : undefined;
}

/**
 * The link-event ordering at a switchover with one server's link down: the
 * warning sentence it checks, and how it judges what the new primary's
 * client received from the switchover on.
 */
function linkOrder(s: {
  id: string;
  title: string;
  /** The server whose link is down when the switchover begins. */
  down: 'primary' | 'backup';
  warning: SentenceId;
  judge: (b: WireClient, changed: Message, since: number) => Promise<void> | void;
}): FamilyMember {
  return {
    id: s.id,
    title: s.title,
    reference: sentence(s.warning),
    needs: ['control:link'],
    cites: ['EventPrimaryChanged.warning.1', s.warning],
    run: async (ctx) => {
      const { b, changed, since } = await switchedOver(ctx, () => ctx.control.setLink(s.down, false));
      await s.judge(b, changed, since);
    },
  };
}

export const PRIMARY_CHANGED_SCENARIOS: Scenario[] = scenarioFamily({ needs: ['pair', 'control:switchover'], cites: ['EventPrimaryChanged.row.time'] }, [
  linkOrder({
    id: 'primary-changed/link-lost-order',
    title: 'EventLinkDisconnected comes just prior to EventPrimaryChanged when the new primary has no link',
    down: 'backup',
    warning: 'EventPrimaryChanged.warning.2',
    judge: (b, changed, since) => {
      const before = neighbour(b, changed, -1, since);
      if (before?.Event !== 'EventLinkDisconnected') {
        const after = b.received.slice(b.received.indexOf(changed) + 1).find((m) => m.Event === 'EventLinkDisconnected');
        blame(b, after ?? changed, 'EventLinkDisconnected is not delivered just prior to EventPrimaryChanged', 'EventLinkDisconnected, then EventPrimaryChanged', before ? `${describe(before)}, then EventPrimaryChanged` : 'EventPrimaryChanged first after the switchover began', LOST);
      }
    },
  }),
  linkOrder({
    id: 'primary-changed/link-gained-order',
    title: 'EventLinkConnected comes immediately after EventPrimaryChanged when only the new primary has a link',
    down: 'primary',
    warning: 'EventPrimaryChanged.warning.3',
    judge: async (b, changed, since) => {
      const early = b.received.slice(since, b.received.indexOf(changed)).find((m) => m.Event === 'EventLinkConnected');
      if (early) blame(b, early, 'EventLinkConnected is delivered before EventPrimaryChanged', 'EventPrimaryChanged, then EventLinkConnected', 'EventLinkConnected, then EventPrimaryChanged', GAINED);
      const next = await b.expect({ what: 'the message immediately after EventPrimaryChanged', match: (m) => m !== changed && b.received.indexOf(m) === b.received.indexOf(changed) + 1 });
      if (next.Event !== 'EventLinkConnected') blame(b, next, 'EventLinkConnected is not delivered immediately after EventPrimaryChanged', 'EventLinkConnected', describe(next), GAINED);
    },
  }),
  {
    id: 'primary-changed/reported-by-new-primary',
    title: 'EventPrimaryChanged is reported by the new primary, not by the server that became backup',
    reference: `${CHANGED} ${RESYNC}`,
    cites: ['EventPrimaryChanged.description.0'],
    run: async (ctx) => {
      const a = await ctx.client('client-of-primary', 'primary');
      await switchedOver(ctx);
      // "the new primary T-Server (the one reporting this event)": the old primary reports no role change to backup as one to primary.
      // A barrier on a's own connection bounds the window; a server that drops its clients at the switchover has nothing left to send.
      const closed = await a.sync().then(
        () => false,
        () => true,
      );
      if (closed) ctx.seen('the old primary closed its client connections at the switchover');
      const wrong = a.received.find(primaryChanged.match);
      if (wrong) blame(a, wrong, 'EventPrimaryChanged came from the T-Server that became backup', 'EventPrimaryChanged from the new primary only', `${describe(wrong)} from the old primary`, CHANGED);
    },
  },
  {
    id: 'primary-changed/resync',
    title: 'After EventPrimaryChanged the new primary answers TQueryLocation() and TQueryAddress()',
    reference: RESYNC,
    uses: { dns: 1 },
    cites: ['EventPrimaryChanged.warning.0'],
    run: async (ctx) => {
      const { b } = await switchedOver(ctx);
      // Here a refusal is the broken rule: the new primary must serve the resync.
      await answered(b.call({ Event: 'RequestQueryLocation' }, 'EventLocationInfo'), RESYNC);
      await answered(b.call({ Event: 'RequestQueryAddress', ThisDN: ctx.resources.dn('dn') }, 'EventAddressInfo'), RESYNC);
    },
  },
]);
