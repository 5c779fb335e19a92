/** Every defect, in the order `tlib-kit sim --defects` lists them; one file each. */
import { defect as ackNoReferenceId } from './ack-no-reference-id.js';
import { defect as ackWrongReferenceId } from './ack-wrong-reference-id.js';
import { defect as ackWrongUserEvent } from './ack-wrong-user-event.js';
import { defect as ackMissingSetInputMask } from './ack-missing-set-input-mask.js';
import { defect as subscriptionIdMissingOnStart } from './subscription-id-missing-on-start.js';
import { defect as subscriptionIdOnStop } from './subscription-id-on-stop.js';
import { defect as reservedNoIdentity } from './reserved-no-identity.js';
import { defect as reservedWrongEcho } from './reserved-wrong-echo.js';
import { defect as reservedTimeoutSeconds } from './reserved-timeout-seconds.js';
import { defect as reservedNotToRegistered } from './reserved-not-to-registered.js';
import { defect as reservedLeak } from './reserved-leak.js';
import { defect as callInfoNoConnId } from './call-info-no-conn-id.js';
import { defect as privateInfoLeak } from './private-info-leak.js';
import { defect as privateInfoNoPrivateEvent } from './private-info-no-private-event.js';
import { defect as userEventNoThisDn } from './user-event-no-this-dn.js';
import { defect as userEventNotDelivered } from './user-event-not-delivered.js';
import { defect as missingTime } from './missing-time.js';
import { defect as obsoleteEvent } from './obsolete-event.js';
import { defect as linkDisconnectedAfterPrimaryChanged } from './link-disconnected-after-primary-changed.js';
import { defect as linkConnectedBeforePrimaryChanged } from './link-connected-before-primary-changed.js';
import { defect as resyncQueryLocationFails } from './resync-query-location-fails.js';
import { defect as restoreConnectionWrongRole } from './restore-connection-wrong-role.js';
import { defect as restoreConnectionBackupRole0 } from './restore-connection-backup-role-0.js';
import { defect as restoreConnectionNoBackup } from './restore-connection-no-backup.js';
import { defect as restoreConnectionDelivered } from './restore-connection-delivered.js';
import { defect as hardwareErrorMissing } from './hardware-error-missing.js';
import { defect as ackSubscriptionIdStray } from './ack-subscription-id-stray.js';
import { defect as reservedEchoesAbsentParameter } from './reserved-echoes-absent-parameter.js';
import { defect as callInfoWrongConnId } from './call-info-wrong-conn-id.js';
import { defect as privateInfoLeakLate } from './private-info-leak-late.js';
import { defect as userEventLeakLate } from './user-event-leak-late.js';
import { defect as userEventDropsUserData } from './user-event-drops-user-data.js';
import { defect as primaryChangedNoTime } from './primary-changed-no-time.js';
import { defect as primaryChangedFromOldPrimary } from './primary-changed-from-old-primary.js';
import { defect as restoreConnectionNamesSender } from './restore-connection-names-sender.js';
import { defect as hardwareErrorNoTime } from './hardware-error-no-time.js';
import { defect as reservedUnknownAgent } from './reserved-unknown-agent.js';
import { defect as callInfoUnknownCall } from './call-info-unknown-call.js';
import type { Defect } from './types.js';

export type { Defect } from './types.js';

export const DEFECTS = [
  ackNoReferenceId,
  ackWrongReferenceId,
  ackWrongUserEvent,
  ackMissingSetInputMask,
  subscriptionIdMissingOnStart,
  subscriptionIdOnStop,
  reservedNoIdentity,
  reservedWrongEcho,
  reservedTimeoutSeconds,
  reservedNotToRegistered,
  reservedLeak,
  callInfoNoConnId,
  privateInfoLeak,
  privateInfoNoPrivateEvent,
  userEventNoThisDn,
  userEventNotDelivered,
  missingTime,
  obsoleteEvent,
  linkDisconnectedAfterPrimaryChanged,
  linkConnectedBeforePrimaryChanged,
  resyncQueryLocationFails,
  restoreConnectionWrongRole,
  restoreConnectionBackupRole0,
  restoreConnectionNoBackup,
  restoreConnectionDelivered,
  hardwareErrorMissing,
  ackSubscriptionIdStray,
  reservedEchoesAbsentParameter,
  callInfoWrongConnId,
  privateInfoLeakLate,
  userEventLeakLate,
  userEventDropsUserData,
  primaryChangedNoTime,
  primaryChangedFromOldPrimary,
  restoreConnectionNamesSender,
  hardwareErrorNoTime,
  reservedUnknownAgent,
  callInfoUnknownCall,
] as const satisfies readonly Defect[];

export type DefectName = (typeof DEFECTS)[number]['name'];

const BY_NAME: ReadonlyMap<string, Defect> = new Map(DEFECTS.map((d) => [d.name, d]));

export function isDefectName(name: string): name is DefectName {
  return BY_NAME.has(name);
}

/** The defect of that name, or undefined (a Map: a name from outside never reaches Object.prototype). */
export function defectNamed(name: string): Defect | undefined {
  return BY_NAME.get(name);
}
