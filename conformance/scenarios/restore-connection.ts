/**
 * EventRestoreConnection: "processed internally by T-Library, and is not
 * delivered to the user dispatch function". On the wire: ServerRole 0 from
 * the primary once its backup connection is up, ServerRole 1 from a primary
 * that became backup, UserData naming the backup.
 */
import { serverReferences } from '../../src/backup-reference.js';
import { SERVER_ROLE } from '../../src/registry.js';
import type { KVList, Message } from '../../src/codec/types.js';
import { sentence } from '../../src/reference/sentences.js';
import { isConformanceError } from '../model/failure.js';
import type { AppView, Scenario, ScenarioContext, WireClient } from '../model/scenario.js';
import { blame, event, mustEqual } from './check.js';
import { scenarioFamily, type FamilyMember } from './family.js';

const ROLE_0 = sentence('EventRestoreConnection.attribute.ServerRole.0');
const ROLE_1 = sentence('EventRestoreConnection.attribute.ServerRole.1');
const USER_DATA = `${sentence('EventRestoreConnection.attribute.UserData.0')} ${sentence('EventRestoreConnection.attribute.UserData.1')}`;
const NOT_DELIVERED = sentence('EventRestoreConnection.important.0');

const restore = event('EventRestoreConnection');


/**
 * A client of the server `change` demotes sees it say it is the backup now:
 * ServerRole 1, counted from the switch the server reports (its ServerRole 1
 * event), not from when the hook started: until it has switched, a primary
 * may re-send ServerRole 0, e.g. when its connection to the backup is
 * re-established. Once it has said so, no ServerRole 0 from it follows.
 */
async function demoted(ctx: ScenarioContext, a: WireClient, change: () => Promise<void>): Promise<void> {
  await a.sync();
  const before = a.received.length;
  await change();
  const after = (x: Message): boolean => x.Event === 'EventRestoreConnection' && a.received.indexOf(x) >= before;
  const m = await a.expect(event('EventRestoreConnection', (x) => after(x) && x.ServerRole === SERVER_ROLE.Backup, `to ${a.name} with ServerRole 1, sent after the switchover began`, ROLE_1)).catch((e: unknown) => {
    // No ServerRole 1 came: the event the server sent in its place is the one to blame.
    const instead = [...a.received].reverse().find(after);
    if (instead && isConformanceError(e) && e.code === 'STEP_TIMEOUT') mustEqual(a, instead, 'ServerRole', SERVER_ROLE.Backup, 'must be 1: the sender has been changed from primary to backup', ROLE_1);
    throw e;
  });
  const switched = a.received.indexOf(m);
  const resent = a.received.filter((x) => after(x) && a.received.indexOf(x) < switched).length;
  ctx.seen(resent ? `${a.name}: ServerRole 0 re-sent ${resent} time(s) before the switch` : `${a.name}: ServerRole 1 as the first EventRestoreConnection after the switchover`);
  await a.sync();
  const late = a.received.find((x) => after(x) && a.received.indexOf(x) > switched && x.ServerRole !== SERVER_ROLE.Backup);
  if (late) mustEqual(a, late, 'ServerRole', SERVER_ROLE.Backup, 'must stay 1: the sender is the backup now', ROLE_1);
}

export const RESTORE_CONNECTION_SCENARIOS: Scenario[] = scenarioFamily({ needs: ['pair'] }, [
  {
    id: 'restore-connection/primary-role',
    title: 'EventRestoreConnection from the primary carries ServerRole 0',
    reference: ROLE_0,
    needs: ['raw-wire'],
    cites: ['EventRestoreConnection.attribute.ServerRole.0', 'EventRestoreConnection.description.0'],
    run: async (ctx) => {
      // The backup's client first: by the time the primary's client has its event, the backup has had as long to send one.
      const b = await ctx.client('client-of-backup', 'backup');
      const a = await ctx.client('client-of-primary', 'primary');
      mustEqual(a, await a.expect(restore), 'ServerRole', SERVER_ROLE.Primary, 'must be 0: the sender is primary and its backup connection is established', ROLE_0);
      // The primary generates ServerRole 0: a backup that sends it to its own clients claims the primary's role.
      await b.expectNone(event('EventRestoreConnection', (x) => x.ServerRole === SERVER_ROLE.Primary, 'with ServerRole 0 from the backup'), undefined, ROLE_0);
    },
  },
  {
    id: 'restore-connection/names-backup',
    title: 'EventRestoreConnection carries UserData naming the backup',
    reference: USER_DATA,
    needs: ['raw-wire'],
    cites: ['EventRestoreConnection.attribute.UserData.0'],
    run: async (ctx) => {
      const a = await ctx.client('client-of-primary', 'primary');
      const m = await a.expect(restore);
      if (!m.UserData?.length) blame(a, m, 'EventRestoreConnection does not say where the backup is', 'UserData with the reference to the backup T-Server', m.UserData ? 'empty UserData' : 'no UserData');
      // The reference is silent on the reference's form: every form is read (src/backup-reference.ts), and any is accepted
      // except one that names the sender and not its backup.
      const [self, backup] = [ctx.address('primary'), ctx.address('backup')];
      const refs = serverReferences(m.UserData);
      const form = refs.length ? `UserData names ${refs.map((r) => `${r.host}:${r.port} as ${r.form} at ${r.path.join('/')}`).join(', ')}` : `UserData keys: ${m.UserData.map(([k]) => k).join(', ')}`;
      if (!self || !backup || self.port === backup.port) return ctx.seen(`${form} (addresses unknown to the runner: not compared)`);
      if (refs.some((r) => r.port === backup.port)) return ctx.seen(`${form}, naming the backup's port ${backup.port}`);
      if (refs.some((r) => r.port === self.port)) {
        blame(a, m, 'EventRestoreConnection names the sending T-Server itself, not its backup', `UserData naming the backup (listening on port ${backup.port})`, `UserData naming port ${self.port}, the sender's own: ${JSON.stringify(m.UserData)}`, USER_DATA);
      }
      // A form of its own is accepted, but an address with no server in it ("tcp://") refers to nothing.
      const hollow = refs.length === 0 ? stringsOf(m.UserData).find((v) => EMPTY_AUTHORITY.test(v)) : undefined;
      if (hollow !== undefined) blame(a, m, 'EventRestoreConnection names no server: its address has no host or port', 'UserData with the reference to the backup T-Server', `UserData ${JSON.stringify(m.UserData)}, whose address "${hollow}" names no server`, USER_DATA);
      ctx.seen(`${form}, in a form that names neither port (accepted)`);
    },
  },
  {
    id: 'restore-connection/backup-role',
    title: 'EventRestoreConnection from a primary that became backup carries ServerRole 1',
    reference: ROLE_1,
    needs: ['raw-wire', 'control:switchover'],
    cites: ['EventRestoreConnection.attribute.ServerRole.1', 'EventRestoreConnection.attribute.ServerRole.0', 'EventRestoreConnection.description.0'],
    run: async (ctx) => {
      const a = await ctx.client('client-of-primary', 'primary');
      // The server the switch back demotes: its clients stay across both switchovers.
      const b = await ctx.client('client-of-backup', 'backup');
      // The primary's ServerRole 0 event may come at any time after the handshake, in the same write or later:
      // it is taken first, and a barrier proves nothing else sent before the switchover is still on its way.
      const first = await a.expect(event('EventRestoreConnection', (x) => x.ServerRole === SERVER_ROLE.Primary, 'with ServerRole 0 (the primary, before the switchover)'));
      ctx.seen(`ServerRole 0 event ${a.received.indexOf(first) === 0 ? 'first' : `after ${a.received[a.received.indexOf(first) - 1]?.Event}`}`);
      await demoted(ctx, a, () => ctx.control.switchover());
      // Switching back demotes the other server, which must say the same.
      await demoted(ctx, b, () => ctx.control.switchover());
    },
  },
  notDeliveredToApp({ id: 'restore-connection/not-delivered-to-app', title: 'EventRestoreConnection never reaches the application', switchover: false }),
  notDeliveredToApp({ id: 'restore-connection/not-delivered-to-app-after-switchover', title: 'EventRestoreConnection never reaches the application, across a switchover either', switchover: true }),
]);

/**
 * The application sees no EventRestoreConnection, with or without a
 * switchover first: at a switchover the demoted server sends ServerRole 1 and
 * the new primary may send ServerRole 0, neither of them the application's.
 */
function notDeliveredToApp(s: { id: string; title: string; switchover: boolean }): FamilyMember {
  return {
    id: s.id,
    title: s.title,
    needs: ['app-view', ...(s.switchover ? (['control:switchover'] as const) : [])],
    cites: ['EventRestoreConnection.important.0'],
    run: async (ctx) => {
      const app = await ctx.app('app');
      if (s.switchover) await ctx.control.switchover();
      // The primary sends EventRestoreConnection on its own, some time after the session opened: no request
      // of the application's bounds it. It is given the run's settle window (not the shorter quiet time),
      // then the barrier (where the view has one) takes in what the library handed over.
      ctx.whenRunSettled(() => nothingRestored(ctx, app));
    },
  };
}

/** After the run's settle window: no EventRestoreConnection reached the application, and what did. */
async function nothingRestored(ctx: ScenarioContext, app: AppView): Promise<void> {
  await app.expectNone(restore, undefined, NOT_DELIVERED);
  ctx.seen(`the application saw: ${[...new Set(app.received.map((m) => m.Event))].join(', ') || 'nothing'}`);
}

/** A URI whose authority (host and port) is empty: "tcp://", "tcp:///x". */
const EMPTY_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/(?:[/?#]|$)/i;

/** Every string value of a key-value list, at any depth. */
function stringsOf(list: KVList): string[] {
  return list.flatMap(([, v]) => (typeof v === 'string' ? [v] : Array.isArray(v) ? stringsOf(v) : []));
}
