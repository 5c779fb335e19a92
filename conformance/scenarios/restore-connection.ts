/**
 * EventRestoreConnection: "processed internally by T-Library, and is not
 * delivered to the user dispatch function". On the wire: ServerRole 0 from
 * the primary once its backup connection is up, ServerRole 1 from a primary
 * that became backup, UserData naming the backup.
 */
import { SERVER_ROLE } from '../../src/index.js';
import type { Scenario } from '../scenario.js';
import { blame, event, mustEqual } from './check.js';

const ROLE_0 =
  'The primary T-Server generates EventRestoreConnection, with the attribute ServerRole set to 0, when the connection to the backup T-Server has been established.';
const ROLE_1 = 'T-Server generates EventRestoreConnection and sets the attribute ServerRole to 1 to indicate that it has been changed from the primary to the backup T-Server.';
const USER_DATA = 'UserData—This attribute contains the reference to the backup T-Server. T-Library uses this information to try to connect to that server.';
const NOT_DELIVERED = 'EventRestoreConnection is processed internally by T-Library, and is not delivered to the user dispatch function.';

const restore = event('EventRestoreConnection');

export const RESTORE_CONNECTION_SCENARIOS: Scenario[] = [
  {
    id: 'restore-connection/primary-role',
    title: 'EventRestoreConnection from the primary carries ServerRole 0',
    reference: ROLE_0,
    level: 'must',
    needs: ['pair', 'raw-wire'],
    brokenBy: ['restore-connection-wrong-role'],
    run: async (ctx) => {
      const a = await ctx.client('client-of-primary', 'primary');
      mustEqual(a, await a.expect(restore), 'ServerRole', SERVER_ROLE.Primary, 'must be 0: the sender is primary and its backup connection is established');
    },
  },
  {
    id: 'restore-connection/names-backup',
    title: 'EventRestoreConnection carries UserData naming the backup',
    reference: USER_DATA,
    level: 'must',
    needs: ['pair', 'raw-wire'],
    brokenBy: ['restore-connection-no-backup'],
    run: async (ctx) => {
      const a = await ctx.client('client-of-primary', 'primary');
      const m = await a.expect(restore);
      if (!m.UserData?.length) blame(a, m, 'EventRestoreConnection does not say where the backup is', 'UserData with the reference to the backup T-Server', m.UserData ? 'empty UserData' : 'no UserData');
      ctx.seen(`UserData keys: ${m.UserData.map(([k]) => k).join(', ')}`);
    },
  },
  {
    id: 'restore-connection/backup-role',
    title: 'EventRestoreConnection from a primary that became backup carries ServerRole 1',
    reference: ROLE_1,
    level: 'must',
    needs: ['pair', 'raw-wire', 'control:switchover'],
    brokenBy: ['restore-connection-backup-role-0'],
    run: async (ctx) => {
      const a = await ctx.client('client-of-primary', 'primary');
      const before = a.received.length;
      await ctx.control.switchover();
      const m = await a.expect(event('EventRestoreConnection', (x) => a.received.indexOf(x) >= before, 'after the switchover'));
      mustEqual(a, m, 'ServerRole', SERVER_ROLE.Backup, 'must be 1: the sender has been changed from primary to backup');
    },
  },
  {
    id: 'restore-connection/not-delivered-to-app',
    title: 'EventRestoreConnection never reaches the application',
    reference: NOT_DELIVERED,
    level: 'must',
    needs: ['pair', 'app-view'],
    brokenBy: ['restore-connection-delivered'],
    run: async (ctx) => {
      const app = await ctx.app('app');
      await app.expectNone(restore);
      ctx.seen(`the application saw: ${[...new Set(app.received.map((m) => m.Event))].join(', ') || 'nothing'}`);
    },
  },
];
