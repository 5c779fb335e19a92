/**
 * EventError codes of this server (its own numbering: the reference assigns
 * none, and a vendor's codes are not the simulator's).
 */
export const ERROR = {
  notRegistered: 40,
  badPassword: 41,
  backupServesQueriesOnly: 42,
  missingAttribute: 43,
  badValue: 44,
  unknownCall: 45,
  dnNotServed: 46,
  agentNotServed: 47,
  placeNotServed: 48,
  unknownSubscription: 49,
  unsupportedRequest: 50,
  undecodableFrame: 51,
  notARequest: 52,
} as const;

/** ErrorCode of EventHardwareError per switch fault kind. */
export const FAULT_CODE = { checksum: 501, 'missing-attributes': 502, 'incomplete-flow': 503 } as const;

export type FaultKind = keyof typeof FAULT_CODE;

/** A Set, so a name from outside never reaches Object.prototype. */
const FAULT_KINDS: ReadonlySet<unknown> = new Set(Object.keys(FAULT_CODE));

export function isFaultKind(kind: unknown): kind is FaultKind {
  return FAULT_KINDS.has(kind);
}
