/**
 * The benchmark's headline input: the traffic a client really sees. Every
 * message type of the registry, in a mix where events far outnumber
 * requests and a few large UserData events stand among many small ones;
 * every message valid against its schema (the bench checks each with
 * tlib-kit/validate, and so does test/bench/traffic.test.ts); values vary
 * from message to message (DNs, connection ids, times, reference ids,
 * attached-data values), keys stay, as in a contact centre's real traffic.
 */
import { seededRandom } from '../conformance/runner/random.js';
import { MESSAGES, type KVList, type Message, type MessageName } from '../src/index.js';

/** Draws for one message: a seeded generator with the helpers the templates need. */
class Draw {
  private readonly rand: () => number;
  constructor(seed: number) {
    this.rand = seededRandom(seed);
  }
  int(n: number): number {
    return Math.floor(this.rand() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  refId(): number {
    return 1 + this.int(2_000_000);
  }
  dn(): string {
    return String(7000 + this.int(500));
  }
  connId(): string {
    let s = '006e';
    for (let i = 0; i < 12; i++) s += '0123456789abcdef'[this.int(16)];
    return s;
  }
  time(): { seconds: number; microseconds: number } {
    return { seconds: 1_764_600_000 + this.int(86_400), microseconds: this.int(1_000_000) };
  }
  agent(): string {
    return `agent-${100 + this.int(900)}`;
  }
}

const SEGMENTS = ['Gold', 'Silver', 'Bronze', 'VIP customer'];
const QUEUES = ['Sales_VQ', 'Support_VQ', 'Billing_VQ', 'Retention_VQ'];
const LANGS = ['en-GB', 'fr-FR', 'de-DE', 'es-ES', 'nl-NL'];
const NOTES = ['callback requested', 'prefers e-mail follow-up', 'pending review', 'transferred from IVR', ''];

/** The attached data of an ordinary call: a dozen pairs, one nested list. */
function callData(d: Draw): KVList {
  return [
    ['CustomerSegment', d.pick(SEGMENTS)],
    ['AccountNumber', String(4000_0000_0000_0000 + d.int(1e9))],
    ['Language', d.pick(LANGS)],
    ['Priority', d.int(10)],
    ['RetryCount', d.int(4)],
    ['LastAgent', d.agent()],
    ['CampaignName', `Spring_Outbound_${2020 + d.int(6)}`],
    ['Score', d.int(200) - 100],
    ['Routing', [['Target', d.pick(QUEUES)], ['Skill', d.pick(LANGS)], ['Level', 1 + d.int(9)]]],
    ['CallbackNumber', `+4416329${String(d.int(100000)).padStart(5, '0')}`],
    ['WaitSeconds', d.int(600)],
    ['Note', d.pick(NOTES)],
  ];
}

const BIG_KEYS = ['Segment', 'Account', 'Lang', 'Queue', 'Skill', 'Case', 'Order', 'Region'];
const BIG_VALUES = ['Gold', 'Silver', 'en-GB', 'Sales_VQ', 'Support', 'callback', 'VIP customer', 'pending review'];

/** A heavy attached-data event's list: `n` pairs, a third of them integers. */
export function bigData(n: number, d: Draw | number): KVList {
  const draw = typeof d === 'number' ? new Draw(d) : d;
  const list: KVList = [];
  for (let i = 0; i < n; i++) {
    const key = `Key_${(i % 40).toString().padStart(2, '0')}_${BIG_KEYS[i % BIG_KEYS.length]}`;
    if (i % 3 === 2) list.push([key, draw.int(1 << 30) - (1 << 29)]);
    else list.push([key, `${draw.pick(BIG_VALUES)}-${draw.int(100000)}`]);
  }
  return list;
}

const INPUT_MASK = new Uint8Array(64).map((_, i) => (i < 18 ? 0xff : i === 18 ? 0x3f : 0));

type Template = (d: Draw) => Message;

/**
 * One template per message type (and one for the large UserData event).
 * `weight` is its share of the traffic: per 1,000 messages, roughly.
 */
export const TEMPLATES: readonly { id: string; weight: number; make: Template }[] = [
  // Call-related events: the bulk of what a desktop or a router receives.
  { id: 'EventUserEvent', weight: 120, make: (d) => ({ Event: 'EventUserEvent', ThisDN: d.dn(), ConnID: d.connId(), UserEvent: 96, UserData: [['Customer', d.pick(SEGMENTS)], ['Queue', d.pick(QUEUES)], ['seq', d.int(1 << 20)]], time: d.time() }) },
  { id: 'EventUserEvent (200 UD)', weight: 8, make: (d) => ({ Event: 'EventUserEvent', ReferenceID: d.refId(), ThisDN: d.dn(), UserEvent: 96, UserData: bigData(200, d), time: d.time() }) },
  { id: 'EventPartyInfo', weight: 90, make: (d) => ({ Event: 'EventPartyInfo', ReferenceID: d.refId(), ConnID: d.connId(), ThisDN: d.dn(), UserData: [['Customer', d.pick(SEGMENTS)]], time: d.time() }) },
  { id: 'EventCallInfoChanged', weight: 110, make: (d) => ({ Event: 'EventCallInfoChanged', ReferenceID: d.refId(), ConnID: d.connId(), Extensions: [['changed', 'CustomerID']], CustomerID: `Acme-${d.int(1000)}`, time: d.time() }) },
  { id: 'EventPrivateInfo', weight: 90, make: (d) => ({ Event: 'EventPrivateInfo', ReferenceID: d.refId(), ConnID: d.connId(), ThisDN: d.dn(), PrivateEvent: 3001 + d.int(8), UserData: callData(d), time: d.time() }) },
  { id: 'EventAgentReserved', weight: 70, make: (d) => ({ Event: 'EventAgentReserved', ReferenceID: d.refId(), ThisDN: d.dn(), AgentID: d.agent(), Place: `Place_${d.dn()}`, Timeout: 30_000, Reasons: [['ReasonCode', d.pick(['Lunch', 'Break', 'Meeting'])], ['Attempt', 1 + d.int(3)], ['Supervisor', `sup-${d.int(50)}`]], time: d.time() }) },
  { id: 'EventACK', weight: 100, make: (d) => ({ Event: 'EventACK', ReferenceID: d.refId(), UserEvent: d.pick([48, 49, 149, 180]), Extensions: [['AttributeMonitorNextCallType', d.pick(['MonitorOneCall', 'MonitorAllCalls'])]], time: d.time() }) },
  { id: 'EventTransactionStatus', weight: 60, make: (d) => ({ Event: 'EventTransactionStatus', ReferenceID: d.refId(), Extensions: [['calls', d.int(40)], ['queue', d.pick(QUEUES)]], time: d.time(), SubscriptionID: `sub-${String(d.int(10000)).padStart(4, '0')}` }) },
  { id: 'EventAddressInfo', weight: 50, make: (d) => ({ Event: 'EventAddressInfo', ReferenceID: d.refId(), ThisDN: d.dn(), Extensions: [['status', d.pick(['idle', 'busy', 'wrap-up'])]], time: d.time(), AddressType: 1 }) },
  { id: 'EventRegistered', weight: 30, make: (d) => ({ Event: 'EventRegistered', ReferenceID: d.refId(), ThisDN: d.dn(), time: d.time(), EventSequenceNumber: BigInt(1000 + d.int(1e9)) }) },
  { id: 'EventUnregistered', weight: 15, make: (d) => ({ Event: 'EventUnregistered', ReferenceID: d.refId(), ThisDN: d.dn(), time: d.time() }) },
  { id: 'EventError', weight: 25, make: (d) => ({ Event: 'EventError', ErrorMessage: d.pick(['Invalid DN', 'Not registered', 'Request timed out']), ReferenceID: d.refId(), ErrorCode: 40 + d.int(30), time: d.time() }) },
  { id: 'EventHardwareError', weight: 10, make: (d) => ({ Event: 'EventHardwareError', ConnID: d.connId(), PreviousConnID: d.connId(), ThisDN: d.dn(), ErrorCode: 1200 + d.int(10), Extensions: [['checksum', 'bad']], CustomerID: 'Acme', time: d.time() }) },
  { id: 'EventLocationInfo', weight: 10, make: (d) => ({ Event: 'EventLocationInfo', ReferenceID: d.refId(), Extensions: [['site', d.pick(['Paris', 'London', 'Berlin'])]], time: d.time() }) },
  { id: 'EventServerInfo', weight: 5, make: (d) => ({ Event: 'EventServerInfo', ReferenceID: d.refId(), Extensions: [['version', `8.1.0${d.int(10)}.00`]], ServerRole: 0, ApplicationName: 'TServer_SIP', time: d.time() }) },
  // Connection-level events: rare.
  { id: 'EventServerConnected', weight: 3, make: (d) => ({ Event: 'EventServerConnected', ServerRole: d.int(2), ApplicationName: 'TServer_SIP', time: d.time(), ServerStartTime: 1_764_500_000 + d.int(1000) }) },
  { id: 'EventServerDisconnected', weight: 2, make: (d) => ({ Event: 'EventServerDisconnected', time: d.time() }) },
  { id: 'EventLinkDisconnected', weight: 2, make: (d) => ({ Event: 'EventLinkDisconnected', time: d.time() }) },
  { id: 'EventLinkConnected', weight: 2, make: (d) => ({ Event: 'EventLinkConnected', time: d.time() }) },
  { id: 'EventPrimaryChanged', weight: 2, make: (d) => ({ Event: 'EventPrimaryChanged', ApplicationName: d.pick(['TServer_SIP', 'TServer_SIP_backup']), time: d.time() }) },
  { id: 'EventRestoreConnection', weight: 2, make: (d) => ({ Event: 'EventRestoreConnection', UserData: [['backup', `tserver-b.example:${3000 + d.int(10)}`]], ServerRole: 1 }) },
  // Obsolete events: still met from old switches, decoded and marked.
  { id: 'EventResourceAllocated', weight: 1, make: (d) => ({ Event: 'EventResourceAllocated', Obsolete: true, ThisDN: d.dn(), time: d.time() }) },
  { id: 'EventResourceFreed', weight: 1, make: (d) => ({ Event: 'EventResourceFreed', Obsolete: true, ThisDN: d.dn(), time: d.time() }) },
  // Requests: what a client sends, a small share of what crosses its link.
  { id: 'RequestRegisterClient', weight: 2, make: (d) => ({ Event: 'RequestRegisterClient', ProtocolVersion: 'tserver protocol 4.2', ReferenceID: d.refId(), ApplicationName: `AgentDesktop-${d.int(100)}`, ApplicationPassword: 'secret' }) },
  { id: 'RequestQueryAddress', weight: 8, make: (d) => ({ Event: 'RequestQueryAddress', ReferenceID: d.refId(), ThisDN: d.dn(), AddressType: 1 }) },
  { id: 'RequestRegisterAddress', weight: 10, make: (d) => ({ Event: 'RequestRegisterAddress', ReferenceID: d.refId(), ThisDN: d.dn(), RegisterMode: d.int(3), AddressType: 1 }) },
  { id: 'RequestUnregisterAddress', weight: 5, make: (d) => ({ Event: 'RequestUnregisterAddress', ReferenceID: d.refId(), ThisDN: d.dn() }) },
  { id: 'RequestSetInputMask', weight: 2, make: (d) => ({ Event: 'RequestSetInputMask', ReferenceID: d.refId(), InputMask: INPUT_MASK }) },
  { id: 'RequestDistributeUserEvent', weight: 12, make: (d) => ({ Event: 'RequestDistributeUserEvent', ReferenceID: d.refId(), ThisDN: d.dn(), CustomerID: 'Acme', UserData: [['Customer', d.pick(SEGMENTS)], ['seq', d.int(1 << 20)]] }) },
  { id: 'RequestDistributeEvent', weight: 8, make: (d) => ({ Event: 'RequestDistributeEvent', ReferenceID: d.refId(), ConnID: d.connId(), ThisDN: d.dn(), UserData: [['Note', d.pick(NOTES)]], UserEvent: 96 }) },
  { id: 'RequestQueryCall', weight: 8, make: (d) => ({ Event: 'RequestQueryCall', ReferenceID: d.refId(), ConnID: d.connId(), ThisDN: d.dn() }) },
  { id: 'RequestSetCallInfo', weight: 6, make: (d) => ({ Event: 'RequestSetCallInfo', ReferenceID: d.refId(), ConnID: d.connId(), CustomerID: `Acme-${d.int(1000)}` }) },
  { id: 'RequestReserveAgent', weight: 5, make: (d) => ({ Event: 'RequestReserveAgent', ReferenceID: d.refId(), AgentID: d.agent(), ThisDN: d.dn(), Timeout: 30_000, Place: `Place_${d.dn()}` }) },
  { id: 'RequestLostBackupConnection', weight: 1, make: () => ({ Event: 'RequestLostBackupConnection' }) },
  { id: 'RequestQueryLocation', weight: 2, make: (d) => ({ Event: 'RequestQueryLocation', ReferenceID: d.refId() }) },
  { id: 'RequestPrivateService', weight: 8, make: (d) => ({ Event: 'RequestPrivateService', ReferenceID: d.refId(), ConnID: d.connId(), ThisDN: d.dn(), UserData: [['op', d.pick(['record', 'pause', 'resume'])]], PrivateEvent: 3001 }) },
  { id: 'RequestTransactionMonitoring', weight: 4, make: (d) => ({ Event: 'RequestTransactionMonitoring', ReferenceID: d.refId(), Extensions: [['filter', 'all']], SubscriptionOperation: 1 }) },
];

export interface Traffic {
  readonly messages: readonly Message[];
  /** Template id of each message, parallel to `messages`. */
  readonly ids: readonly string[];
}

/** `count` messages drawn by weight from the templates, each with its own values (deterministic for a seed). */
export function buildTraffic(count: number, seed = 1): Traffic {
  const total = TEMPLATES.reduce((s, t) => s + t.weight, 0);
  const pickRand = seededRandom(seed);
  const messages: Message[] = [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    let r = pickRand() * total;
    let t = TEMPLATES[0]!;
    for (const c of TEMPLATES) {
      if ((r -= c.weight) < 0) {
        t = c;
        break;
      }
    }
    messages.push(t.make(new Draw(seed * 1_000_003 + i)));
    ids.push(t.id);
  }
  return { messages, ids };
}

/** Message types of the registry that no template produces (should be none). */
export function missingTypes(): MessageName[] {
  const made = new Set(TEMPLATES.map((t) => t.make(new Draw(1)).Event));
  return MESSAGES.map((m) => m.name).filter((n) => !made.has(n));
}
