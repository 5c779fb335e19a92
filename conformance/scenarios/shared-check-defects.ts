/**
 * Defects a scenario fails by the every-instance check (conformance/received-rules.ts)
 * rather than by its own steps: each breaks a rule on an event the scenario
 * receives on the way (the EventRestoreConnection every client of a primary
 * gets, the EventACK of a set-up request), on a copy an observer receives
 * (conformance/observers.ts: a leak of the scenario's own event, a DN
 * client's copy, an event of a switch-back), or leaves a set-up step waiting.
 * Merged into brokenBy; test/conformance/defects.test.ts holds it exact.
 */
import type { DefectName } from '../../src/sim/defects.js';

export const SHARED_CHECK_DEFECTS: Readonly<Record<string, readonly DefectName[]>> = {
  'ack/after-switchover': ['ack-wrong-user-event', 'user-event-no-this-dn', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'user-event-leak-late', 'primary-changed-no-time'],
  'ack/private-service/reference-id': ['ack-wrong-user-event', 'private-info-no-private-event', 'missing-time', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'private-info-leak', 'obsolete-event', 'private-info-leak-late'],
  'ack/send-event-ex/reference-id': ['ack-wrong-user-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'obsolete-event'],
  'ack/send-event/reference-id': ['ack-wrong-user-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'obsolete-event'],
  'ack/set-input-mask/reference-id': ['ack-wrong-user-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'ack/transaction-monitoring/modify': ['ack-wrong-user-event', 'restore-connection-no-backup', 'obsolete-event'],
  'ack/transaction-monitoring/start': ['ack-wrong-user-event', 'restore-connection-no-backup', 'obsolete-event'],
  'ack/transaction-monitoring/stop': ['ack-wrong-user-event', 'restore-connection-no-backup', 'obsolete-event'],
  'ack/user-event-attribute': ['ack-no-reference-id', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'obsolete-event'],
  'ack/user-event/reference-id': ['ack-wrong-user-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'user-event-no-this-dn', 'obsolete-event', 'user-event-leak-late'],
  'agent-reserved/at-least-one': ['reserved-wrong-echo', 'restore-connection-no-backup', 'reserved-echoes-absent-parameter'],
  'agent-reserved/no-leak': ['reserved-no-identity', 'reserved-wrong-echo', 'reserved-timeout-seconds', 'obsolete-event', 'restore-connection-no-backup'],
  'agent-reserved/present-in-request': ['reserved-no-identity', 'reserved-wrong-echo', 'restore-connection-no-backup'],
  'agent-reserved/registered-clients': ['reserved-no-identity', 'reserved-wrong-echo', 'reserved-timeout-seconds', 'obsolete-event', 'restore-connection-no-backup', 'reserved-leak'],
  'agent-reserved/requester/echo': ['reserved-timeout-seconds', 'restore-connection-no-backup', 'reserved-leak', 'obsolete-event'],
  'agent-reserved/timeout-milliseconds': ['reserved-no-identity', 'reserved-wrong-echo', 'restore-connection-no-backup', 'reserved-leak', 'obsolete-event'],
  'call-info-changed/conn-id': ['restore-connection-no-backup', 'obsolete-event'],
  'hardware-error/checksum': ['obsolete-event', 'restore-connection-no-backup', 'hardware-error-no-time'],
  'hardware-error/incomplete-flow': ['obsolete-event', 'restore-connection-no-backup', 'hardware-error-no-time'],
  'hardware-error/missing-attributes': ['obsolete-event', 'restore-connection-no-backup', 'hardware-error-no-time'],
  'obsolete/never-emitted': ['restore-connection-no-backup'],
  'primary-changed/link-gained-order': ['primary-changed-no-time', 'restore-connection-no-backup'],
  'primary-changed/link-lost-order': ['primary-changed-no-time', 'restore-connection-no-backup'],
  'primary-changed/reported-by-new-primary': ['restore-connection-no-backup', 'primary-changed-no-time', 'primary-changed-from-old-primary'],
  'primary-changed/resync': ['primary-changed-no-time', 'obsolete-event', 'restore-connection-no-backup'],
  'private-info/no-leak': ['ack-no-reference-id', 'ack-wrong-user-event', 'private-info-no-private-event', 'missing-time', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'private-info-leak-late'],
  'private-info/requester/mandatory': ['ack-no-reference-id', 'ack-wrong-user-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'private-info-leak', 'obsolete-event', 'private-info-leak-late'],
  'restore-connection/backup-role': ['restore-connection-wrong-role', 'restore-connection-no-backup', 'primary-changed-no-time'],
  'restore-connection/names-backup': ['restore-connection-names-sender'],
  'restore-connection/not-delivered-to-app': ['restore-connection-no-backup'],
  'restore-connection/primary-role': ['restore-connection-no-backup'],
  'schema/every-event-valid': ['ack-wrong-user-event', 'reserved-wrong-echo', 'reserved-timeout-seconds', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'reserved-echoes-absent-parameter', 'reserved-leak', 'private-info-leak', 'private-info-leak-late', 'user-event-leak-late'],
  'user-event/delivered': ['ack-no-reference-id', 'ack-wrong-reference-id', 'ack-wrong-user-event', 'user-event-no-this-dn', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'user-event-leak-late'],
  'user-event/initiator-attributes': ['ack-no-reference-id', 'ack-wrong-reference-id', 'ack-wrong-user-event', 'user-event-no-this-dn', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'user-event-leak-late'],
  'user-event/no-leak': ['ack-no-reference-id', 'ack-wrong-reference-id', 'ack-wrong-user-event', 'user-event-no-this-dn', 'user-event-not-delivered', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'user-event/this-dn': ['ack-no-reference-id', 'ack-wrong-reference-id', 'ack-wrong-user-event', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'user-event-leak-late'],
};
