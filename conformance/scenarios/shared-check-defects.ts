/**
 * Defects a scenario fails by the every-instance check (conformance/received-rules.ts)
 * rather than by its own steps: each breaks a rule on an event the scenario
 * receives on the way (the EventRestoreConnection every client of a primary
 * gets, the EventACK of a set-up request), or leaves a set-up step waiting.
 * Merged into brokenBy; test/conformance/defects.test.ts holds it exact.
 */
import type { DefectName } from '../../src/sim/defects/index.js';

export const SHARED_CHECK_DEFECTS: Readonly<Record<string, readonly DefectName[]>> = {
  'ack/private-service/reference-id': ['ack-wrong-user-event', 'private-info-no-private-event', 'missing-time', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'ack/send-event-ex/reference-id': ['ack-wrong-user-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'ack/send-event/reference-id': ['ack-wrong-user-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'ack/set-input-mask/reference-id': ['ack-wrong-user-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'ack/transaction-monitoring/modify': ['ack-wrong-user-event', 'restore-connection-no-backup'],
  'ack/transaction-monitoring/start': ['ack-wrong-user-event', 'restore-connection-no-backup'],
  'ack/transaction-monitoring/stop': ['ack-wrong-user-event', 'restore-connection-no-backup'],
  'ack/user-event-attribute': ['ack-no-reference-id', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'ack/user-event/reference-id': ['ack-wrong-user-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'agent-reserved/at-least-one': ['reserved-wrong-echo', 'restore-connection-no-backup', 'reserved-echoes-absent-parameter'],
  'agent-reserved/no-leak': ['reserved-no-identity', 'reserved-wrong-echo', 'reserved-timeout-seconds', 'obsolete-event', 'restore-connection-no-backup'],
  'agent-reserved/present-in-request': ['reserved-no-identity', 'reserved-wrong-echo', 'restore-connection-no-backup'],
  'agent-reserved/registered-clients': ['reserved-no-identity', 'reserved-wrong-echo', 'reserved-timeout-seconds', 'obsolete-event', 'restore-connection-no-backup'],
  'agent-reserved/requester/echo': ['reserved-timeout-seconds', 'restore-connection-no-backup'],
  'agent-reserved/timeout-milliseconds': ['reserved-no-identity', 'reserved-wrong-echo', 'restore-connection-no-backup'],
  'call-info-changed/conn-id': ['restore-connection-no-backup'],
  'hardware-error/checksum': ['obsolete-event', 'restore-connection-no-backup', 'hardware-error-no-time'],
  'hardware-error/incomplete-flow': ['obsolete-event', 'restore-connection-no-backup', 'hardware-error-no-time'],
  'hardware-error/missing-attributes': ['obsolete-event', 'restore-connection-no-backup', 'hardware-error-no-time'],
  'obsolete/never-emitted': ['restore-connection-no-backup'],
  'primary-changed/link-gained-order': ['primary-changed-no-time'],
  'primary-changed/link-lost-order': ['primary-changed-no-time'],
  'primary-changed/reported-by-new-primary': ['restore-connection-no-backup', 'primary-changed-no-time', 'primary-changed-from-old-primary'],
  'primary-changed/resync': ['primary-changed-no-time'],
  'private-info/no-leak': ['ack-no-reference-id', 'ack-wrong-reference-id', 'ack-wrong-user-event', 'private-info-no-private-event', 'missing-time', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'private-info-leak-late'],
  'private-info/requester/mandatory': ['ack-no-reference-id', 'ack-wrong-user-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'restore-connection/backup-role': ['restore-connection-wrong-role', 'restore-connection-no-backup'],
  'restore-connection/names-backup': ['restore-connection-names-sender'],
  'restore-connection/primary-role': ['restore-connection-no-backup'],
  'schema/every-event-valid': ['ack-wrong-user-event', 'reserved-wrong-echo', 'reserved-timeout-seconds', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray', 'reserved-echoes-absent-parameter'],
  'user-event/delivered': ['ack-no-reference-id', 'ack-wrong-reference-id', 'ack-wrong-user-event', 'user-event-no-this-dn', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'user-event/initiator-attributes': ['ack-no-reference-id', 'ack-wrong-reference-id', 'ack-wrong-user-event', 'user-event-no-this-dn', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'user-event/no-leak': ['ack-no-reference-id', 'ack-wrong-reference-id', 'ack-wrong-user-event', 'user-event-no-this-dn', 'user-event-not-delivered', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
  'user-event/this-dn': ['ack-no-reference-id', 'ack-wrong-reference-id', 'ack-wrong-user-event', 'obsolete-event', 'restore-connection-no-backup', 'ack-subscription-id-stray'],
};
