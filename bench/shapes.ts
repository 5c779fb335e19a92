/**
 * The four message shapes of the benchmark (issue 7), built as ordinary
 * message objects so every contender encodes and decodes the same values.
 * No bigint anywhere: JSON cannot carry one, and the comparison must be fair.
 */
import type { KVList, Message } from '../src/index.js';

export interface Shape {
  readonly name: string;
  readonly message: Message;
}

/** A bare EventACK with a one-pair Extensions. */
const ack: Message = {
  Event: 'EventACK',
  ReferenceID: 17,
  Extensions: [['AttributeMonitorNextCallType', 'MonitorOneCall']],
};

/** EventPrivateInfo with a 12-pair UserData of mixed strings and integers, one nested list among them. */
const privateInfo: Message = {
  Event: 'EventPrivateInfo',
  ReferenceID: 4711,
  ThisDN: '7001',
  ConnID: '006b02b3c4d5e6f7',
  PrivateEvent: 3001,
  time: { seconds: 1_700_000_000, microseconds: 250_000 },
  UserData: [
    ['CustomerSegment', 'Gold'],
    ['AccountNumber', '4000123412341234'],
    ['Language', 'en-GB'],
    ['Priority', 7],
    ['RetryCount', 2],
    ['LastAgent', 'agent-1042'],
    ['CampaignName', 'Spring_Outbound_2024'],
    ['Score', -15],
    ['Routing', [['Target', 'Sales_VQ'], ['Skill', 'English'], ['Level', 5]]],
    ['CallbackNumber', '+441632960123'],
    ['WaitSeconds', 184],
    ['Note', 'prefers e-mail follow-up'],
  ],
};

/** EventAgentReserved with Reasons. */
const agentReserved: Message = {
  Event: 'EventAgentReserved',
  ReferenceID: 42,
  ThisDN: '7001',
  AgentID: 'agent-007',
  Place: 'Place_7001',
  Timeout: 30000,
  Reasons: [['ReasonCode', 'Lunch'], ['Attempt', 1], ['Supervisor', 'sup-12']],
  time: { seconds: 1_700_000_000, microseconds: 250_000 },
};

/** EventUserEvent with 200 UserData pairs: a heavy attached-data event. */
function userData(n: number, seed: number): KVList {
  const list: KVList = [];
  for (let i = 0; i < n; i++) {
    const key = `Key_${(i % 40).toString().padStart(2, '0')}_${KEY_WORDS[i % KEY_WORDS.length]}`;
    if (i % 3 === 2) list.push([key, (i * 7919 + seed) | 0]);
    else list.push([key, `${VALUE_WORDS[(i + seed) % VALUE_WORDS.length]}-${i + seed}`]);
  }
  return list;
}
const KEY_WORDS = ['Segment', 'Account', 'Lang', 'Queue', 'Skill', 'Case', 'Order', 'Region'];
const VALUE_WORDS = ['Gold', 'Silver', 'en-GB', 'Sales_VQ', 'Support', 'callback', 'VIP customer', 'pending review'];

const userEvent: Message = {
  Event: 'EventUserEvent',
  ReferenceID: 9,
  ThisDN: '7001',
  UserEvent: 96,
  UserData: userData(200, 0),
};

export const SHAPES: readonly Shape[] = [
  { name: 'EventACK (1 ext)', message: ack },
  { name: 'EventPrivateInfo (12 UD)', message: privateInfo },
  { name: 'EventAgentReserved', message: agentReserved },
  { name: 'EventUserEvent (200 UD)', message: userEvent },
];

/**
 * A variant of a shape with fresh values (keys stay, as they do in real
 * traffic), so the stream benchmark does not decode one frame over and over.
 */
export function variant(shapeIndex: number, seed: number): Message {
  switch (shapeIndex) {
    case 0:
      return { Event: 'EventACK', ReferenceID: seed >>> 0, Extensions: [['AttributeMonitorNextCallType', seed % 2 ? 'MonitorOneCall' : 'MonitorAllCalls']] };
    case 1: {
      const base = privateInfo as { UserData: KVList };
      const ud: KVList = base.UserData.map(([k, v]) => [k, typeof v === 'string' ? `${v}${seed % 97}` : typeof v === 'number' ? (v + seed) | 0 : v]);
      return { ...privateInfo, ReferenceID: seed >>> 0, ThisDN: String(7000 + (seed % 500)), UserData: ud } as Message;
    }
    case 2:
      return { ...agentReserved, ReferenceID: seed >>> 0, AgentID: `agent-${seed % 1000}`, Place: `Place_${7000 + (seed % 500)}` } as Message;
    default:
      return { ...userEvent, ReferenceID: seed >>> 0, UserData: userData(200, seed) } as Message;
  }
}
