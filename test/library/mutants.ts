/**
 * Library mutants as data: each is the example bridge's behaviour with one
 * sentence broken (test/library/mutant-bridge.mjs implements them), the
 * sentence it breaks, and the scenarios that must fail because of it.
 */
import { S, type LibrarySentenceId } from '../../conformance/library/sentences.js';

export interface LibraryMutant {
  name: string;
  breaks: LibrarySentenceId;
  /** What the mutant does wrong, for people. */
  does: string;
  /** Scenarios that must fail against it. */
  fails: string[];
  /**
   * Only waiting can notice it (what it breaks is something never arriving):
   * its scenarios may end in `timeout`. Every other mutant must be caught by
   * a failing check, so a slow machine's timeout is never taken for a detection.
   */
  noticedByWaiting?: true;
}

export const LIBRARY_MUTANTS: readonly LibraryMutant[] = [
  {
    name: 'dispatches-restore-connection',
    breaks: S.restoreNotDelivered,
    does: 'hands every EventRestoreConnection to the application as well',
    fails: ['library/restore-connection/role-0-not-dispatched', 'library/restore-connection/role-1-not-dispatched'],
  },
  {
    name: 'ignores-user-data',
    breaks: S.userDataConnect,
    does: "drops EventRestoreConnection's UserData, so the library never learns the backup",
    fails: ['library/backup-reference/host-port-pairs', 'library/backup-reference/server-string', 'library/backup-reference/server-url'],
  },
  {
    name: 'ignores-server-role-1',
    breaks: S.serverRoleRace,
    does: 'never reads EventRestoreConnection ServerRole 1: only EventPrimaryChanged moves it',
    fails: ['library/server-role-1/requests-follow', 'library/double-switchover/old-primary-first'],
  },
  {
    name: 'ignores-primary-changed',
    breaks: S.reliesOnPrimaryChanged,
    does: 'never reads EventPrimaryChanged',
    fails: ['library/primary-changed/requests-follow', 'library/primary-changed/dispatched'],
    noticedByWaiting: true,
  },
  {
    name: 'sends-to-old-primary',
    breaks: S.reliesOnPrimaryChanged,
    does: 'keeps sending requests to the server it first connected to',
    fails: ['library/primary-changed/requests-follow', 'library/server-role-1/requests-follow'],
  },
  {
    name: 'stale-server',
    breaks: S.resync,
    does: 'reports the first server it connected to as the Server of every event',
    fails: ['library/primary-changed/dispatched'],
  },
  {
    name: 'reorders-link-events',
    breaks: S.linkDisconnectedBefore,
    does: 'hands EventLinkDisconnected to the application after the event that follows it',
    fails: ['library/link/disconnected-before-primary-changed'],
  },
  {
    name: 'no-resync',
    breaks: S.resync,
    does: 'never sends TQueryLocation or TQueryAddress after EventPrimaryChanged',
    fails: ['library/primary-changed/resync'],
  },
  {
    name: 'loses-event-at-switchover',
    breaks: S.noEventLost,
    does: 'drops the first EventUserEvent after a switchover',
    fails: ['library/switchover/no-event-lost-or-doubled'],
  },
  {
    name: 'doubles-event-at-switchover',
    breaks: S.noEventLost,
    does: 'hands the first EventUserEvent after a switchover to the application twice',
    fails: ['library/switchover/no-event-lost-or-doubled'],
  },
  {
    name: 'restore-connection-on-request',
    breaks: S.restoreNeverDelivered,
    does: 'handles EventRestoreConnection, and hands it to the application as well the next time the application sends a request (late, after the scenario\'s last scripted message)',
    fails: ['library/restore-connection/role-1-not-dispatched', 'library/primary-changed/dispatched'],
  },
  {
    name: 'replays-event-on-request',
    breaks: S.noEventLost,
    does: 'hands the last EventUserEvent to the application once more the next time the application sends a request (late, after the last scripted event)',
    fails: ['library/switchover/no-event-lost-or-doubled', 'library/server-attribute/filled'],
  },
  {
    name: 'fixed-server',
    breaks: S.serverMandatory,
    does: 'fills Server with one fixed address on every event, whichever server sent it',
    fails: ['library/primary-changed/dispatched', 'library/switchover/no-event-lost-or-doubled'],
  },
  {
    name: 'close-leaves-connections',
    breaks: S.closeClosesEverything,
    does: 'leaves its connections to the servers open after close',
    fails: ['library/close/closes-everything'],
  },
];
