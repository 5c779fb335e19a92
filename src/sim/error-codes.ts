/**
 * ErrorCode values the simulator puts in EventError and EventHardwareError.
 * T-Server's own error numbers are not public (spec/reference/tlib-numbers.md), so these
 * are the project's; spec/simulator.md lists them. Kept as one table so a
 * test or a report can name a code.
 */
export const SIM_ERROR = {
  NOT_REGISTERED: { code: 1, text: 'client is not registered: send RequestRegisterClient first' },
  BAD_PASSWORD: { code: 2, text: 'ApplicationPassword is missing or wrong' },
  NOT_PRIMARY: { code: 3, text: 'this server is the backup: only registration and queries are served here' },
  MISSING_ATTRIBUTE: { code: 4, text: 'a required attribute is missing' },
  INVALID_ATTRIBUTE: { code: 5, text: 'an attribute has a value the request does not allow' },
  UNKNOWN_CALL: { code: 6, text: 'no call with this ConnID' },
  UNKNOWN_SUBSCRIPTION: { code: 7, text: 'no subscription with this SubscriptionID' },
  DN_NOT_REGISTERED: { code: 8, text: 'the client is not registered on this DN' },
  UNSUPPORTED_REQUEST: { code: 9, text: 'the simulator does not serve this request' },
  UNKNOWN_MESSAGE_TYPE: { code: 10, text: 'unknown message type' },
  MALFORMED_MESSAGE: { code: 11, text: 'the frame could not be decoded' },
  FRAME_TOO_LARGE: { code: 12, text: 'frame larger than the server accepts; closing' },
  REQUEST_FLOOD: { code: 13, text: 'too many requests per second; closing' },
  TOO_MANY_CLIENTS: { code: 14, text: 'the server has reached its client limit; closing' },
  NOT_A_REQUEST: { code: 15, text: 'clients send requests, not events' },
  INTERNAL: { code: 16, text: 'the simulator failed to process the request' },
  TOO_MANY_REGISTRATIONS: { code: 17, text: 'DN registrations past the limit; closing' },
  TOO_MANY_SUBSCRIPTIONS: { code: 18, text: 'transaction-monitoring subscriptions past the limit; closing' },
  UNKNOWN_AGENT: { code: 19, text: 'the switch has no agent with this AgentID' },
} as const;

export type SimErrorName = keyof typeof SIM_ERROR;

/** EventHardwareError ErrorCode per switch-fault kind. */
export const HARDWARE_ERROR = {
  checksum: 100,
  'missing-attributes': 101,
  'incomplete-flow': 102,
} as const;

export type SwitchFaultKind = keyof typeof HARDWARE_ERROR;

export function isSwitchFaultKind(kind: unknown): kind is SwitchFaultKind {
  return typeof kind === 'string' && Object.hasOwn(HARDWARE_ERROR, kind);
}
