/** EventRestoreConnection is consumed by the library, never dispatched. */
import type { LibraryScenario } from '../scenario.js';
import { appEvent } from '../context.js';
import { quote, S } from '../sentences.js';
import { backupConnected, noRestoreConnectionDispatched, openRegistered, probeRoundTrip, switchedOver } from './steps.js';

export const RESTORE_CONNECTION_SCENARIOS: LibraryScenario[] = [
  {
    id: 'library/restore-connection/role-0-not-dispatched',
    title: 'EventRestoreConnection ServerRole 0 is not dispatched to the application',
    reference: quote(S.restoreNotDelivered),
    sentence: S.restoreNotDelivered,
    level: 'must',
    restoreAtRegistration: false,
    async run(ctx) {
      const dn = await openRegistered(ctx);
      // The pair connects while the library is working: A sends ServerRole 0 after the registration; the probe's event comes later on the same connection.
      ctx.pair.sendRestoreConnection();
      await probeRoundTrip(ctx, dn);
      await backupConnected(ctx);
      noRestoreConnectionDispatched(ctx, quote(S.restoreNotDelivered));
    },
  },
  {
    id: 'library/restore-connection/role-1-not-dispatched',
    title: 'EventRestoreConnection ServerRole 1 is not dispatched to the application',
    reference: quote(S.restoreNeverDelivered),
    sentence: S.restoreNeverDelivered,
    level: 'must',
    async run(ctx) {
      // A -> B -> A: A writes ServerRole 1 and then EventPrimaryChanged, so its EventPrimaryChanged reaching the application proves the ServerRole 1 was read.
      await switchedOver(ctx, { times: 2 });
      await ctx.waitApp(appEvent('EventPrimaryChanged', ctx.pair.name('A')), 'EventPrimaryChanged from A', quote(S.resync));
      noRestoreConnectionDispatched(ctx, quote(S.restoreNeverDelivered));
    },
  },
];
