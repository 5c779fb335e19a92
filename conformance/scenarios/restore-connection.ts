/**
 * EventRestoreConnection: "processed internally by T-Library, and is not
 * delivered to the user dispatch function". On the wire: ServerRole 0 from
 * the primary once its backup connection is up, ServerRole 1 from a primary
 * that became backup, UserData naming the backup.
 */
import { SERVER_ROLE, type KVList } from '../../src/index.js';
import { sentence } from '../../src/reference/sentences.js';
import type { Scenario } from '../scenario.js';
import { blame, event, mustEqual } from './check.js';

const ROLE_0 = sentence('EventRestoreConnection.attribute.ServerRole.0');
const ROLE_1 = sentence('EventRestoreConnection.attribute.ServerRole.1');
const USER_DATA = `${sentence('EventRestoreConnection.attribute.UserData.0')} ${sentence('EventRestoreConnection.attribute.UserData.1')}`;
const NOT_DELIVERED = sentence('EventRestoreConnection.important.0');

const restore = event('EventRestoreConnection');

/** Whether a UserData value names a listener by its port (the only part the runner can know a server's reference contains). */
function names(userData: KVList, port: number): boolean {
  const token = new RegExp(`(^|\\D)${port}(\\D|$)`);
  return userData.some(([, v]) => (typeof v === 'number' ? v === port : typeof v === 'string' && token.test(v)));
}

export const RESTORE_CONNECTION_SCENARIOS: Scenario[] = [
  {
    id: 'restore-connection/primary-role',
    title: 'EventRestoreConnection from the primary carries ServerRole 0',
    reference: ROLE_0,
    level: 'must',
    needs: ['pair', 'raw-wire'],
    cites: ['EventRestoreConnection.attribute.ServerRole.0', 'EventRestoreConnection.description.0'],
    run: async (ctx) => {
      const a = await ctx.client('client-of-primary', 'primary');
      mustEqual(a, await a.expect(restore), 'ServerRole', SERVER_ROLE.Primary, 'must be 0: the sender is primary and its backup connection is established', ROLE_0);
    },
  },
  {
    id: 'restore-connection/names-backup',
    title: 'EventRestoreConnection carries UserData naming the backup',
    reference: USER_DATA,
    level: 'must',
    needs: ['pair', 'raw-wire'],
    cites: ['EventRestoreConnection.attribute.UserData.0'],
    run: async (ctx) => {
      const a = await ctx.client('client-of-primary', 'primary');
      const m = await a.expect(restore);
      if (!m.UserData?.length) blame(a, m, 'EventRestoreConnection does not say where the backup is', 'UserData with the reference to the backup T-Server', m.UserData ? 'empty UserData' : 'no UserData');
      // The reference is silent on the reference's form: any form is accepted, except one that names the sender and not its backup.
      const [self, backup] = [ctx.address('primary'), ctx.address('backup')];
      const form = `UserData keys: ${m.UserData.map(([k]) => k).join(', ')}`;
      if (!self || !backup || self.port === backup.port) return ctx.seen(`${form} (addresses unknown to the runner: not compared)`);
      if (names(m.UserData, backup.port)) return ctx.seen(`${form}, naming the backup's port ${backup.port}`);
      if (names(m.UserData, self.port)) {
        blame(a, m, 'EventRestoreConnection names the sending T-Server itself, not its backup', `UserData naming the backup (listening on port ${backup.port})`, `UserData naming port ${self.port}, the sender's own: ${JSON.stringify(m.UserData)}`, USER_DATA);
      }
      ctx.seen(`${form}, in a form that names neither port (accepted)`);
    },
  },
  {
    id: 'restore-connection/backup-role',
    title: 'EventRestoreConnection from a primary that became backup carries ServerRole 1',
    reference: ROLE_1,
    level: 'must',
    needs: ['pair', 'raw-wire', 'control:switchover'],
    cites: ['EventRestoreConnection.attribute.ServerRole.1', 'EventRestoreConnection.attribute.ServerRole.0', 'EventRestoreConnection.description.0'],
    run: async (ctx) => {
      const a = await ctx.client('client-of-primary', 'primary');
      // The primary's ServerRole 0 event may come at any time after the handshake, in the same write or later:
      // it is taken first, and a barrier proves nothing else sent before the switchover is still on its way.
      const first = await a.expect(event('EventRestoreConnection', (x) => x.ServerRole === SERVER_ROLE.Primary, 'with ServerRole 0 (the primary, before the switchover)'));
      await a.sync();
      const before = a.received.length;
      ctx.seen(`ServerRole 0 event ${a.received.indexOf(first) === 0 ? 'first' : `after ${a.received[a.received.indexOf(first) - 1]?.Event}`}`);
      await ctx.control.switchover();
      // Judged only on what the server sent after the switchover began.
      const m = await a.expect(event('EventRestoreConnection', (x) => a.received.indexOf(x) >= before, 'sent after the switchover began'));
      mustEqual(a, m, 'ServerRole', SERVER_ROLE.Backup, 'must be 1: the sender has been changed from primary to backup', ROLE_1);
    },
  },
  {
    id: 'restore-connection/not-delivered-to-app',
    title: 'EventRestoreConnection never reaches the application',
    reference: NOT_DELIVERED,
    level: 'must',
    needs: ['pair', 'app-view'],
    cites: ['EventRestoreConnection.important.0'],
    run: async (ctx) => {
      const app = await ctx.app('app');
      // The primary sends EventRestoreConnection on its own, some time after the session opened: no request
      // of the application's bounds it, so the quiet time comes first, then the barrier (where the view has one).
      await new Promise((r) => setTimeout(r, ctx.quietMs));
      await app.expectNone(restore, undefined, NOT_DELIVERED);
      ctx.seen(`the application saw: ${[...new Set(app.received.map((m) => m.Event))].join(', ') || 'nothing'}`);
    },
  },
];
