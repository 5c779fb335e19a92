/**
 * The per-shape rows of the benchmark, built as ordinary message
 * objects so every contender encodes and decodes the same values, each valid
 * against its schema. No bigint: these rows compare like with like.
 */
import { SAMPLE } from '../cli/commands/demo.js';
import type { KVList, Message } from '../src/index.js';

export interface Shape {
  readonly name: string;
  readonly message: Message;
}

/** EventACK with a one-pair Extensions (and time, which the reference makes Mandatory). */
const ack: Message = {
  Event: 'EventACK',
  ReferenceID: 17,
  UserEvent: 180,
  Extensions: [['AttributeMonitorNextCallType', 'MonitorOneCall']],
  time: { seconds: 1_700_000_000, microseconds: 250_000 },
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

/** EventAgentReserved with Reasons: the demo's sample with a third reason. */
const agentReserved: Message = { ...SAMPLE, Reasons: [...(SAMPLE.Reasons as KVList), ['Supervisor', 'sup-12']] };

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
  time: { seconds: 1_700_000_000, microseconds: 250_000 },
};

export const SHAPES: readonly Shape[] = [
  { name: 'EventACK (1 ext)', message: ack },
  { name: 'EventPrivateInfo (12 UD)', message: privateInfo },
  { name: 'EventAgentReserved', message: agentReserved },
  { name: 'EventUserEvent (200 UD)', message: userEvent },
];
