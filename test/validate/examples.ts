/** One valid message per special event, in JSON form: inputs for the validator tests. */
import type { JsonMessage } from '../../src/codec/json.js';
import { attributeByName, type AttributeKind, type SpecialEventName } from '../../src/registry.js';
import { ATTRIBUTE_ENUMS } from '../../src/validate/schema-builder.js';

export const TIME = { seconds: 1_700_000_000, microseconds: 250_000 };

export const VALID: Readonly<Record<SpecialEventName, JsonMessage>> = {
  EventACK: { Event: 'EventACK', ReferenceID: 7, time: TIME, UserEvent: 48, Extensions: [['origin', 'test']] },
  EventAgentReserved: {
    Event: 'EventAgentReserved',
    AgentID: 'agent-1',
    Place: 'place-1',
    ThisDN: '1001',
    Reasons: [],
    ReferenceID: 3,
    Timeout: 30_000,
    time: TIME,
    Extensions: [['k', 1]],
  },
  EventCallInfoChanged: { Event: 'EventCallInfoChanged', ConnID: '006a02a5c1f0d001', CustomerID: 'acme', ReferenceID: 9, time: TIME, Extensions: [] },
  EventPrivateInfo: {
    Event: 'EventPrivateInfo',
    PrivateEvent: 4001,
    ThisDN: '1001',
    ConnID: '006a02a5c1f0d001',
    UserData: [['s', 'v'], ['n', -5], ['b', { $hex: '00ff' }], ['nested', [['a', 'b'], ['a', 'c']]]],
    Reasons: [['r', 'x']],
    ReferenceID: 11,
    time: TIME,
  },
  EventUserEvent: { Event: 'EventUserEvent', ThisDN: '1001', time: TIME, CustomerID: 'acme', UserData: [['note', 'hi']], AgentID: 'agent-1' },
  EventPrimaryChanged: { Event: 'EventPrimaryChanged', ApplicationName: 'tserver-backup', time: TIME },
  EventRestoreConnection: { Event: 'EventRestoreConnection', ServerRole: 0, UserData: [['backup', '127.0.0.1:7001']] },
  EventHardwareError: {
    Event: 'EventHardwareError',
    ErrorCode: 71,
    ThisDN: '1001',
    ConnID: '006a02a5c1f0d001',
    PreviousConnID: '006a02a5c1f0d000',
    CustomerID: 'acme',
    time: TIME,
  },
  EventResourceAllocated: { Event: 'EventResourceAllocated', Obsolete: true, ThisDN: '1001', time: TIME },
  EventResourceFreed: { Event: 'EventResourceFreed', Obsolete: true, ThisDN: '1001', time: TIME },
};

export function without(message: JsonMessage, ...names: string[]): JsonMessage {
  const copy = { ...message };
  for (const n of names) delete copy[n];
  return copy;
}

/** Deliberately malformed test input, typed as a message. */
export function malformed(message: object): JsonMessage {
  return message as JsonMessage;
}

/** A valid JSON value of each registry kind and one just outside it. */
const SAMPLE: Record<AttributeKind, { good: unknown; bad: unknown }> = {
  int: { good: -3, bad: 1.5 },
  u32: { good: 4_294_967_295, bad: -1 },
  connid: { good: '00000000000000ff', bad: 255 },
  u64: { good: '18446744073709551615', bad: '18446744073709551616' },
  string: { good: 'x', bad: 1 },
  binary: { good: { $hex: '0a0b' }, bad: { $hex: 'xyz' } },
  kvlist: { good: [['k', 'v']], bad: [['k']] },
};

/** A valid value and a wrong one for each property, by registry kind. */
export function samples(property: string): { good: unknown; bad: unknown } {
  if (property === 'time') return { good: TIME, bad: { seconds: 1 } };
  if (property === 'Server') return { good: 'primary', bad: 5 };
  const values = ATTRIBUTE_ENUMS[property];
  if (values) return { good: Object.values(values)[0], bad: Math.max(...Object.values(values)) + 1 };
  const kind = attributeByName(property)?.kind;
  if (kind === undefined) throw new Error(`no sample for ${property}`);
  return SAMPLE[kind];
}

