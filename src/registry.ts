/**
 * The one registry of message types and attributes. Its two lists are data,
 * spec/registry.json, made literals in registry/generated/tables.ts; the
 * codec, the JSON schemas, the fuzz generators and the tables in
 * spec/wire-format.md are all derived from them, so a number changes in
 * exactly one place. What the numbers mean is here: value kinds, the events
 * that answer each request, enumerations, look-ups.
 *
 * Numbers of origin `public` are T-Library's own (TMessageType / TAttribute,
 * see spec/reference/tlib-numbers.md). Numbers of origin `project` are not
 * public; this project assigns them from its reserved range
 * PROJECT_TAG_RANGE and documents them in spec/wire-format.md.
 */
import { ATTRIBUTES, MESSAGES } from './registry/generated/tables.js';

export { ATTRIBUTES, MESSAGES, PROJECT_TAG_RANGE } from './registry/generated/tables.js';

/** How an attribute's value is represented in JavaScript (and on the wire): a key of VALUE_KINDS. */
export type AttributeKind = 'int' | 'u32' | 'connid' | 'u64' | 'string' | 'binary' | 'kvlist';

/** Wire kind bytes (spec/wire-format.md section 5). */
export const WIRE_KIND = { INT32: 1, INT64: 2, STRING: 3, BINARY: 4, KVLIST: 5 } as const;
export type WireKindName = 'int32' | 'int64' | 'string' | 'binary' | 'kvlist';

export interface ValueKindDef {
  /** The kind byte on the wire. */
  readonly wire: (typeof WIRE_KIND)[keyof typeof WIRE_KIND];
  /** The wire kind's name (an `Unknown` entry's `kind`). */
  readonly wireName: WireKindName;
  /** What the value is in a message object. */
  readonly js: 'number' | 'string' | 'bigint' | 'Uint8Array' | 'KVList';
  /** What the value is in the JSON form (spec/wire-format.md section 14). */
  readonly json: 'number' | 'string' | 'decimal-string' | 'hex-object' | 'pair-array';
  /** What a value is, in words (its schema's description starts with them). */
  readonly noun: string;
  /** The entry of spec/defs/tlib.schema.json's $defs that is the value's JSON Schema. */
  readonly def: 'int32' | 'u32' | 'u64' | 'connid' | 'string' | 'binary' | 'kvlist';
  /** Range of an integer kind, inclusive. */
  readonly range?: readonly [number, number] | readonly [bigint, bigint];
  /** Values of the range a generator favours: its ends and the steps between byte widths. */
  readonly edges?: readonly number[] | readonly bigint[];
  /** A string kind that is a 64-bit number written as this many lowercase hex digits. */
  readonly hexDigits?: number;
  /** The words of spec/wire-format.md section 13 for it. */
  readonly describe: string;
}

const U64_RANGE = [0n, (1n << 64n) - 1n] as const;
const U64_EDGES = [0n, 1n, 0x7fn, 0x80n, 0xffffffffn, 0x100000000n, (1n << 53n) + 1n, (1n << 63n) - 1n, 1n << 63n, U64_RANGE[1] - 1n, U64_RANGE[1]] as const;

/**
 * Every value kind once: what it is on the wire, in a message object, in
 * JSON, in a schema, in a generator. The codec, the JSON form, the schema
 * builder, the generated types and the fuzz generators read this rather
 * than each switching on kind names.
 */
export const VALUE_KINDS = {
  int: { wire: 1, wireName: 'int32', js: 'number', json: 'number', noun: 'a signed 32-bit integer', def: 'int32', range: [-2147483648, 2147483647], edges: [0, 1, -1, 0x7f, 0x80, 0x7fffffff, -0x80000000, -0x7fffffff], describe: 'signed 32-bit (two\'s complement)' },
  u32: { wire: 1, wireName: 'int32', js: 'number', json: 'number', noun: 'an unsigned 32-bit integer', def: 'u32', range: [0, 4294967295], edges: [0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff], describe: 'unsigned 32-bit' },
  connid: { wire: 2, wireName: 'int64', js: 'string', json: 'string', noun: 'a connection id', def: 'connid', range: U64_RANGE, edges: U64_EDGES, hexDigits: 16, describe: 'connection id: 16 lowercase hex digits' },
  u64: { wire: 2, wireName: 'int64', js: 'bigint', json: 'decimal-string', noun: 'an unsigned 64-bit integer', def: 'u64', range: U64_RANGE, edges: U64_EDGES, describe: 'unsigned 64-bit; JSON: decimal string' },
  string: { wire: 3, wireName: 'string', js: 'string', json: 'string', noun: 'a string', def: 'string', describe: 'UTF-8 text' },
  binary: { wire: 4, wireName: 'binary', js: 'Uint8Array', json: 'hex-object', noun: 'bytes', def: 'binary', describe: 'bytes; JSON: {"$hex": ...}' },
  kvlist: { wire: 5, wireName: 'kvlist', js: 'KVList', json: 'pair-array', noun: 'a key-value list', def: 'kvlist', describe: 'key-value list' },
} as const satisfies Record<AttributeKind, ValueKindDef>;

/** The kind an `Unknown` entry of each wire kind is read as (INT32 signed, INT64 unsigned). */
export const UNKNOWN_VALUE_KIND = { int32: 'int', int64: 'u64', string: 'string', binary: 'binary', kvlist: 'kvlist' } as const satisfies Record<WireKindName, AttributeKind>;

export interface AttributeDef {
  readonly tag: number;
  /** Property name in a message object: the reference's word where it has one. */
  readonly name: string;
  /** T-Library's C name, for docs and traces. */
  readonly cName: string;
  readonly kind: AttributeKind;
  readonly origin: 'public' | 'project';
  readonly note?: string;
}

type MessageCategory = 'request' | 'event';

export interface MessageDef {
  readonly id: number;
  readonly name: string;
  readonly category: MessageCategory;
  /** One of the ten special events of the reference. */
  readonly special?: true;
  /** Decoded (and marked) but encoded only when asked explicitly. */
  readonly obsolete?: true;
  readonly note?: string;
}

/** The two attributes that together form a message's `time` property. */
export const TIME_SECONDS_TAG = 86;
export const TIME_MICROSECONDS_TAG = 87;

/** Public enumerations, and the project-assigned SubscriptionOperation. */
export const SERVER_ROLE = { Primary: 0, Backup: 1 } as const;
export const REGISTER_MODE = { ModeShare: 0, ModePrivate: 1, ModeMonitor: 2 } as const;
export const ADDRESS_TYPE = { Unknown: 0, DN: 1, Position: 2, Queue: 3, RouteDN: 4, Trunk: 5, Other: 99 } as const;
/** Not public: assigned by this project (spec/wire-format.md, "Project-assigned numbers"). */
export const SUBSCRIPTION_OPERATION = { SubscriptionStart: 1, SubscriptionStop: 2, SubscriptionModify: 3 } as const;

export type MessageName = (typeof MESSAGES)[number]['name'];

/**
 * The events that answer each request under its ReferenceID (EventError
 * answers any request). EventACK answers exactly the functions the reference
 * lists (EventACK.description.1); the others are T-Library's. The simulator,
 * the validator's request rules, the conformance runner and the fuzzer read
 * this table.
 */
export const ANSWERS = {
  RequestRegisterClient: ['EventServerConnected'],
  RequestQueryAddress: ['EventAddressInfo'],
  RequestRegisterAddress: ['EventRegistered'],
  RequestUnregisterAddress: ['EventUnregistered'],
  RequestSetInputMask: ['EventACK'],
  RequestDistributeUserEvent: ['EventACK'],
  RequestDistributeEvent: ['EventACK'],
  RequestQueryCall: ['EventPartyInfo'],
  RequestSetCallInfo: ['EventCallInfoChanged'],
  RequestReserveAgent: ['EventAgentReserved'],
  RequestQueryLocation: ['EventLocationInfo'],
  RequestPrivateService: ['EventACK', 'EventPrivateInfo'],
  RequestTransactionMonitoring: ['EventACK'],
} as const satisfies Partial<Record<MessageName, readonly MessageName[]>>;

const NO_ANSWERS: readonly MessageName[] = [];

/** The events that answer `request` (none known: empty); a name from outside never reaches Object.prototype. */
export function answersTo(request: string): readonly MessageName[] {
  return Object.hasOwn(ANSWERS, request) ? ANSWERS[request as keyof typeof ANSWERS] : NO_ANSWERS;
}

/** The requests `event` answers. */
export function requestsAnsweredBy(event: MessageName): MessageName[] {
  return (Object.keys(ANSWERS) as (keyof typeof ANSWERS)[]).filter((r) => (ANSWERS[r] as readonly MessageName[]).includes(event));
}
export type AttributeName = (typeof ATTRIBUTES)[number]['name'];
export type SpecialEventName = Extract<(typeof MESSAGES)[number], { special: true }>['name'];

const byId = new Map<number, MessageDef>(MESSAGES.map((m) => [m.id, m]));
const byName = new Map<string, MessageDef>(MESSAGES.map((m) => [m.name, m]));
const attrByTag = new Map<number, AttributeDef>(ATTRIBUTES.map((a) => [a.tag, a]));
const attrByName = new Map<string, AttributeDef>(ATTRIBUTES.map((a) => [a.name, a]));

export function messageById(id: number): MessageDef | undefined {
  return byId.get(id);
}
export function messageByName(name: string): MessageDef | undefined {
  return byName.get(name);
}
export function attributeByTag(tag: number): AttributeDef | undefined {
  return attrByTag.get(tag);
}
export function attributeByName(name: string): AttributeDef | undefined {
  return attrByName.get(name);
}
