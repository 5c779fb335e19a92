/**
 * Message object -> one frame. encode-fast.ts writes every frame in one
 * pass that reads each value once; when it gives up, the exact code below
 * (two passes: `collect` validates every value in the spec's order, then
 * the writer writes) finds the error, so codes and paths follow
 * spec/wire-format.md 10.1 to the letter. The exact code's bytes are never
 * returned: they come from a second read of the message.
 */
import { TIME_MICROSECONDS_TAG, TIME_SECONDS_TAG, UNKNOWN_VALUE_KIND, VALUE_KINDS, type AttributeKind, type ValueKindDef } from '../registry.js';
import { BinaryWriter } from '../wire/binary-writer.js';
import { utf8Length } from '../wire/utf8.js';
import { ATTR_BY_NAME, MSG_BY_NAME, attrByTag, msgById, type AttrCodec } from './attribute-table.js';
import { ATTRIBUTE_COST, BINARY_COST, costBudget, LIST_COST, PAIR_COST, UNKNOWN_COST } from './cost.js';
import { BAIL, detached as isDetached, FastEncoder } from './encode-fast.js';
import { encodeError, TLibError } from '../wire/errors.js';
import { resolveLimits, type Limits } from './limits.js';
import { own } from './own-property.js';
import { WIRE_KIND, type KVList, type Message, type UnknownAttribute } from './types.js';

export interface EncodeOptions {
  /** Obsolete events (EventResourceAllocated/Freed) are refused unless this is set. */
  allowObsolete?: boolean;
  /**
   * The decoder's limits, applied to what is written so that encode() never
   * produces a frame decode() with the same limits refuses (defaults: DEFAULT_LIMITS).
   */
  limits?: Partial<Limits>;
}

/** What one attribute writes; `kind` is its registry kind (an unknown entry's by UNKNOWN_VALUE_KIND). */
interface Item {
  tag: number;
  wire: number;
  kind: AttributeKind;
  value: unknown;
  path: string;
}

let writer = new BinaryWriter();
/**
 * The attributes of the message being encoded, in reused Item objects:
 * the exact code allocates no per-attribute objects and never resizes an array.
 */
class ItemList {
  readonly pool: Item[] = [];
  n = 0;

  push(tag: number, wire: number, kind: AttributeKind, value: unknown, path: string): void {
    const it = this.pool[this.n];
    if (it === undefined) this.pool.push({ tag, wire, kind, value, path });
    else {
      it.tag = tag;
      it.wire = wire;
      it.kind = kind;
      it.value = value;
      it.path = path;
    }
    this.n++;
  }

  /** Forgets the message: drops the references to its values. */
  clear(): void {
    for (let i = 0; i < this.n; i++) this.pool[i]!.value = undefined;
    this.n = 0;
  }
}
let items = new ItemList();
/** What the limits count while one message is measured. */
let tally = { limits: resolveLimits(), pairs: 0, cost: 0 };
/**
 * True while the exact code runs: a getter it calls may encode again, and
 * that call then gets state of its own (saved and restored around it).
 */
let exactBusy = false;
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const UINT32_MAX = 0xffffffff;
/** Kinds written as a 64-bit number but held as hex digits (VALUE_KINDS' hexDigits), each with the pattern of its digits. */
const HEX = new Map(
  (Object.entries(VALUE_KINDS) as [AttributeKind, ValueKindDef][]).flatMap(([kind, k]) => (k.hexDigits === undefined ? [] : [[kind, new RegExp(`^[0-9a-f]{${k.hexDigits}}$`)] as const])),
);
/** Non-wire properties a message may carry; encode skips them. */
const SKIP = ['Event', 'Server', 'Obsolete', 'MessageType', 'Unknown', 'time'];
/**
 * Every property name encode() meets, in one Map: an attribute's codec, or
 * NON_WIRE for the properties it skips. One lookup per property instead of
 * two (SKIP, then ATTR_BY_NAME), both of which were megamorphic keyed loads.
 * A Map also has no inherited entries: a property named `constructor` or
 * `__proto__` is not found, so it is refused like any other stranger.
 */
const NON_WIRE = null;
/** Message definitions by name, as a Map for the same reason. */
const MESSAGE = new Map(Object.entries(MSG_BY_NAME));
const PROPERTY = new Map<string, AttrCodec | typeof NON_WIRE>([
  ...SKIP.map((k) => [k, NON_WIRE] as const),
  ...Object.values(ATTR_BY_NAME).map((a) => [a.name, a] as const),
]);
/** An unknown attribute's kind name -> how it is written (the registry's UNKNOWN_VALUE_KIND); a Map, so `toString` is no kind. */
const UNKNOWN_WIRE = new Map<unknown, { wire: number; kind: AttributeKind }>(
  Object.entries(UNKNOWN_VALUE_KIND).map(([name, kind]) => [name, { wire: VALUE_KINDS[kind].wire, kind }]),
);

/** The one-pass encoder; a call made while it is busy (from a getter of the message) gets its own. */
const shared = new FastEncoder();

export function encode(message: Message, options?: EncodeOptions): Uint8Array {
  const limits = resolveLimits(options?.limits);
  const enc = shared.busy ? new FastEncoder() : shared;
  enc.busy = true;
  try {
    enc.write(message, options?.allowObsolete === true, limits);
    return enc.finish();
  } catch (e) {
    throw exactError(message, options, e);
  } finally {
    enc.busy = false;
  }
}

/**
 * Encodes `message` into `buffer` from `offset` on and returns the number of
 * bytes written. Throws RangeError when the frame does not fit, and the
 * TLibErrors of encode(); either way `buffer` is left as it was.
 */
export function encodeInto(message: Message, buffer: Uint8Array, offset = 0, options?: EncodeOptions): number {
  if (!(buffer instanceof Uint8Array)) throw new TypeError('encodeInto() writes into a Uint8Array');
  if (!Number.isInteger(offset) || offset < 0 || offset > buffer.length) {
    throw new RangeError(`encodeInto() offset must be an integer 0..${buffer.length}, got ${String(offset)}`);
  }
  const limits = resolveLimits(options?.limits);
  const enc = shared.busy ? new FastEncoder() : shared;
  enc.busy = true;
  try {
    try {
      enc.write(message, options?.allowObsolete === true, limits);
    } catch (e) {
      throw exactError(message, options, e);
    }
    const n = enc.pos - enc.start;
    if (n > buffer.length - offset) {
      throw new RangeError(`encodeInto(): the frame needs ${n} bytes, the buffer has ${buffer.length - offset} from offset ${offset}`);
    }
    buffer.set(enc.buf.subarray(enc.start, enc.pos), offset);
    return n;
  } finally {
    enc.abandon();
    enc.busy = false;
  }
}

/**
 * The error for a message the one pass gave up on: the exact code's, found
 * on a second read. Whatever else happens is a TLibError too: a getter that
 * throws, or a message that reads differently the second time.
 */
function exactError(message: Message, options: EncodeOptions | undefined, cause: unknown): TLibError {
  if (cause !== BAIL) return thrownWhileReading(cause);
  try {
    writeFrameExact(message, options);
  } catch (e) {
    return e instanceof TLibError ? e : thrownWhileReading(e);
  } finally {
    writer.abandon();
  }
  return new TLibError('INVALID_MESSAGE', 'the message gave other values when it was read again (a getter or proxy that changes): nothing was written', { path: '' });
}

function thrownWhileReading(e: unknown): TLibError {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new TLibError('INVALID_MESSAGE', `reading the message threw ${what}`, { path: '' });
}

/** The exact code, with state of its own when it is entered again from a getter it called. */
function writeFrameExact(message: Message, options: EncodeOptions | undefined): void {
  if (!exactBusy) {
    exactBusy = true;
    try {
      writeFrame(message, options);
    } finally {
      exactBusy = false;
    }
    return;
  }
  const saved = [writer, items, tally] as const;
  writer = new BinaryWriter();
  items = new ItemList();
  tally = { limits: resolveLimits(), pairs: 0, cost: 0 };
  try {
    writeFrame(message, options);
  } finally {
    [writer, items, tally] = saved;
  }
}

/**
 * Validates and writes one frame in the spec's order of checks; the first
 * fault throws. Returns the frame's first offset in writer.buf.
 */
function writeFrame(message: Message, options: EncodeOptions | undefined): number {
  // a list is not a map from names to values, whatever the platform calls it
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    throw new TLibError('INVALID_MESSAGE', 'encode() takes a message object', { path: '' });
  }
  const limits = resolveLimits(options?.limits);
  const type = messageType(message, options);
  tally.limits = limits;
  tally.pairs = 0;
  tally.cost = 0;
  let start: number;
  try {
    const bound = 4 + 5 + collect(message, items);
    start = writer.begin(bound);
    writer.pos = start + 4;
    writer.varint(type);
    for (let i = 0; i < items.n; i++) writeItem(items.pool[i]!);
    checkFrame(writer.pos - start - 4, limits);
  } finally {
    items.clear(); // also when a value was refused: keep nothing of the message
  }
  writer.int32At(start, writer.pos - start - 4);
  return start;
}

/** The limits only the finished frame can be held to: its length, and the cost of decoding it. */
function checkFrame(bodyLength: number, limits: Limits): void {
  if (bodyLength > limits.maxFrameBytes) {
    throw encodeError('FRAME_TOO_LARGE', `the frame body would be ${bodyLength} bytes, more than the maximum of ${limits.maxFrameBytes}`, '');
  }
  const budget = costBudget(4 + bodyLength, limits.maxCostPerByte);
  if (tally.cost > budget) {
    throw encodeError('LIMIT_EXCEEDED', `decoding the frame would build about ${tally.cost} bytes of objects, more than the cost limit of ${budget} for its ${4 + bodyLength} bytes (maxCostPerByte ${limits.maxCostPerByte})`, '');
  }
}

function messageType(message: Message, options?: EncodeOptions): number {
  const event = own(message, 'Event');
  if (event === 'Unknown') {
    const id = own(message, 'MessageType');
    if (!Number.isInteger(id) || (id as number) < 0 || (id as number) > UINT32_MAX) {
      throw encodeError('INVALID_MESSAGE', 'an Unknown message needs MessageType, an integer 0..4294967295', 'MessageType');
    }
    // An id the registry knows would decode as that message (or get past the obsolete refusal).
    const known = msgById(id as number);
    if (known) throw encodeError('INVALID_MESSAGE', `MessageType ${id as number} is the registry's ${known.name}; set Event: '${known.name}' instead`, 'MessageType');
    return id as number;
  }
  const def = MESSAGE.get(event as string);
  if (def === undefined) {
    throw encodeError('INVALID_MESSAGE', `unknown message type ${show(event)} (use Event: 'Unknown' with MessageType for unregistered ids)`, 'Event');
  }
  if (def.obsolete && !options?.allowObsolete) {
    throw encodeError('OBSOLETE', `${def.name} is obsolete (no longer supported); pass { allowObsolete: true } to encode it anyway`, 'Event');
  }
  return def.id;
}

/** Validates every attribute, fills `items` in tag order, returns the worst-case body size. */
const hasOwn = Object.prototype.hasOwnProperty;

function collect(message: Message, items: ItemList): number {
  const m = message as unknown as Record<string, unknown>;
  let bound = 0;
  // Own properties only: an inherited one is not part of the message.
  // for-in with an own-property test visits what Object.keys returns, in the
  // same order, without allocating the array of keys (its garbage was most
  // of the collector's 13% of encoding the mixed traffic).
  for (const key in m) {
    if (!hasOwn.call(m, key)) continue;
    const value = m[key];
    if (value === undefined) continue;
    const def = PROPERTY.get(key);
    if (def === NON_WIRE) continue;
    if (def === undefined || def.tag === TIME_SECONDS_TAG || def.tag === TIME_MICROSECONDS_TAG) {
      throw encodeError('INVALID_MESSAGE', `not an attribute of the registry${def ? ' (set `time: { seconds, microseconds }` instead)' : ''}`, key);
    }
    bound += 6 + measure(def.kind, value, key);
    items.push(def.tag, def.wire, def.kind, value, key);
  }
  const time = own(m, 'time');
  if (time !== undefined) bound += collectTime(time, items);
  const unknown = own(m, 'Unknown');
  if (unknown !== undefined) bound += collectUnknown(unknown, items);
  const { maxAttributes } = tally.limits;
  if (items.n > maxAttributes) throw encodeError('LIMIT_EXCEEDED', `${items.n} attributes, more than the limit of ${maxAttributes}`, '');
  tally.cost += items.n * ATTRIBUTE_COST;
  sortByTag(items.pool, items.n);
  return bound;
}

/**
 * Insertion sort by tag. A message has a handful of attributes, usually
 * written in (or near) tag order already, so this is one comparison per
 * item with no comparator calls; Array.prototype.sort with a callback was
 * 10% of encoding a 6-attribute message.
 */
function sortByTag(list: Item[], n: number): void {
  for (let i = 1; i < n; i++) {
    const item = list[i]!;
    let j = i - 1;
    if (list[j]!.tag <= item.tag) continue;
    while (j >= 0 && list[j]!.tag > item.tag) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
}

function collectTime(time: unknown, items: ItemList): number {
  if (typeof time !== 'object' || time === null || Array.isArray(time)) throw encodeError('INVALID_MESSAGE', 'expected { seconds, microseconds }', 'time');
  // Own properties only, each read once; other members are ignored.
  const seconds = own(time, 'seconds');
  const microseconds = own(time, 'microseconds');
  measure('u32', seconds, 'time.seconds');
  measure('u32', microseconds, 'time.microseconds');
  items.push(TIME_SECONDS_TAG, WIRE_KIND.INT32, 'u32', seconds, 'time.seconds');
  items.push(TIME_MICROSECONDS_TAG, WIRE_KIND.INT32, 'u32', microseconds, 'time.microseconds');
  return 12;
}

function collectUnknown(list: unknown, items: ItemList): number {
  if (!Array.isArray(list)) throw encodeError('INVALID_MESSAGE', 'expected an array of { tag, kind, value }', 'Unknown');
  const seen = new Set<number>();
  let bound = 0;
  for (let i = 0; i < list.length; i++) {
    const u: unknown = list[i];
    const path = `Unknown[${i}]`;
    if (typeof u !== 'object' || u === null || Array.isArray(u)) throw encodeError('INVALID_MESSAGE', 'expected { tag, kind, value }', path);
    // Own properties only, each read once; other members are ignored.
    const tag = own(u, 'tag') as number;
    if (!Number.isInteger(tag) || tag < 0 || tag > UINT32_MAX) throw encodeError('INVALID_MESSAGE', 'tag must be an integer 0..4294967295', `${path}.tag`);
    const known = attrByTag(tag);
    if (known || tag === TIME_SECONDS_TAG) throw encodeError('INVALID_MESSAGE', `tag ${tag} is the registry's ${known?.name ?? 'time'}; set that property instead`, `${path}.tag`);
    if (seen.has(tag)) throw encodeError('INVALID_MESSAGE', `tag ${tag} appears twice`, `${path}.tag`);
    seen.add(tag);
    const kind = own(u, 'kind');
    const k = UNKNOWN_WIRE.get(kind);
    if (k === undefined) throw encodeError('INVALID_MESSAGE', `kind must be one of ${[...UNKNOWN_WIRE.keys()].join(', ')}, got ${show(kind)}`, `${path}.kind`);
    const value = own(u, 'value');
    bound += 6 + measure(k.kind, value, `${path}.value`);
    tally.cost += UNKNOWN_COST;
    items.push(tag, k.wire, k.kind, value, `${path}.value`);
  }
  return bound;
}

/** Checks one value against its kind; returns its worst-case encoded size. */
function measure(kind: AttributeKind, v: unknown, path: string): number {
  const k: ValueKindDef = VALUE_KINDS[kind];
  // What a kind is comes from the registry: its form in a message object, its range, its hex digits.
  switch (k.js) {
    case 'number':
      if (Number.isInteger(v) && inRange(k, v as number)) return 4;
      throw encodeError('INVALID_MESSAGE', `expected ${k.noun}, got ${show(v)}`, path);
    case 'bigint':
      if (typeof v === 'bigint' && inRange(k, v)) return 8;
      throw encodeError('INVALID_MESSAGE', `expected ${k.noun} (a bigint), got ${show(v)}`, path);
    case 'string':
      if (k.hexDigits !== undefined) {
        if (typeof v === 'string' && HEX.get(kind)!.test(v)) return 8;
        throw encodeError('INVALID_MESSAGE', `expected ${k.noun} of ${k.hexDigits} lowercase hex digits, got ${show(v)}`, path);
      }
      if (typeof v === 'string') return measureString(v, path);
      throw encodeError('INVALID_MESSAGE', `expected ${k.noun}, got ${show(v)}`, path);
    case 'Uint8Array':
      if (v instanceof Uint8Array) return measureBinary(v, path);
      throw encodeError('INVALID_MESSAGE', `expected ${k.noun} (a Uint8Array), got ${show(v)}`, path);
    case 'KVList':
      return measureList(v, path, 1);
  }
}

function inRange(k: ValueKindDef, v: number | bigint): boolean {
  return v >= k.range![0] && v <= k.range![1];
}

/** Worst-case size of a string; refuses one of more UTF-8 bytes than maxStringBytes. */
function measureString(v: string, path: string): number {
  const max = tally.limits.maxStringBytes;
  // UTF-8 takes 1-3 bytes per UTF-16 unit: count exactly only when the unit count cannot decide.
  if (3 * v.length > max && (v.length > max || utf8Length(v) > max)) {
    throw encodeError('LIMIT_EXCEEDED', `string of ${v.length > max ? `more than ${max}` : utf8Length(v)} UTF-8 bytes exceeds the limit of ${max}`, path);
  }
  return 5 + 3 * v.length;
}

function measureBinary(v: Uint8Array, path: string): number {
  const max = tally.limits.maxStringBytes;
  if (v.length === 0 && isDetached(v)) throw encodeError('INVALID_MESSAGE', 'the Uint8Array\'s buffer was detached (transferred): its bytes are gone', path);
  if (v.length > max) throw encodeError('LIMIT_EXCEEDED', `binary value of ${v.length} bytes exceeds the limit of ${max}`, path);
  tally.cost += BINARY_COST;
  return 5 + v.length;
}

function measureList(list: unknown, path: string, depth: number): number {
  if (!Array.isArray(list)) throw encodeError('INVALID_MESSAGE', `expected a key-value list (array of [key, value] pairs), got ${show(list)}`, path);
  const { maxDepth, maxPairs } = tally.limits;
  if (depth > maxDepth) throw encodeError('NESTING_TOO_DEEP', `key-value list nested deeper than ${maxDepth} levels`, path);
  tally.pairs += list.length;
  if (tally.pairs > maxPairs) throw encodeError('LIMIT_EXCEEDED', `more than ${maxPairs} key-value pairs in one message`, path);
  tally.cost += LIST_COST + list.length * PAIR_COST;
  // Paths of pairs are built only for an error: making them for every pair
  // up front cost a third of encode's speed on the mixed traffic.
  const longest = tally.limits.maxStringBytes / 3;
  let bound = 5;
  for (let i = 0; i < list.length; i++) {
    const pair: unknown = list[i];
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
      throw encodeError('INVALID_MESSAGE', 'expected a [key, value] pair with a string key', `${path}[${i}]`);
    }
    const key = pair[0];
    const value: unknown = pair[1];
    // A string of at most maxStringBytes / 3 units cannot exceed the limit: no check needed.
    bound += 6 + 3 * key.length;
    if (key.length > longest) measureString(key, `${path}[${i}][0]`);
    if (typeof value === 'string') {
      bound += 5 + 3 * value.length;
      if (value.length > longest) measureString(value, `${path}[${i}][1]`);
    } else if (typeof value === 'number') {
      if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
        throw encodeError('INVALID_MESSAGE', `a key-value integer must be a signed 32-bit integer, got ${show(value)}`, `${path}[${i}][1]`);
      }
      bound += 4;
    } else if (value instanceof Uint8Array) bound += measureBinary(value, `${path}[${i}][1]`);
    else if (Array.isArray(value)) bound += measureList(value, `${path}[${i}][1]`, depth + 1);
    else throw encodeError('INVALID_MESSAGE', `a key-value value must be a string, integer, Uint8Array or list, got ${show(value)}`, `${path}[${i}][1]`);
  }
  return bound;
}

function writeItem(item: Item): void {
  writer.varint(item.tag);
  writer.byte(item.wire);
  const v = item.value;
  // Dispatch on the wire kind (a small integer), not on the kind's name: a
  // switch over strings is a chain of string comparisons.
  switch (item.wire) {
    case WIRE_KIND.STRING:
      if (!writer.string(v as string)) throw loneSurrogate(item.path);
      return;
    case WIRE_KIND.INT32:
      return writer.int32(v as number);
    case WIRE_KIND.KVLIST:
      if (!writeList(v as KVList)) throw loneSurrogate(findLoneSurrogate(v as KVList, item.path) ?? item.path);
      return;
    case WIRE_KIND.INT64:
      if (HEX.has(item.kind)) return writer.hex64(v as string);
      return writer.uint64(v as bigint);
    default:
      return writer.bytes(v as Uint8Array);
  }
}

/** Returns false on a lone surrogate; the caller finds where, off the hot path. */
function writeList(list: KVList): boolean {
  writer.varint(list.length);
  for (let i = 0; i < list.length; i++) {
    const pair = list[i]!;
    if (!writer.string(pair[0])) return false;
    const value = pair[1];
    if (typeof value === 'string') {
      writer.byte(WIRE_KIND.STRING);
      if (!writer.string(value)) return false;
    } else if (typeof value === 'number') {
      writer.byte(WIRE_KIND.INT32);
      writer.int32(value);
    } else if (value instanceof Uint8Array) {
      writer.byte(WIRE_KIND.BINARY);
      writer.bytes(value);
    } else {
      writer.byte(WIRE_KIND.KVLIST);
      if (!writeList(value)) return false;
    }
  }
  return true;
}

function loneSurrogate(path: string): TLibError {
  return encodeError('INVALID_UTF8', 'string holds a lone surrogate, which UTF-8 cannot carry', path);
}

function findLoneSurrogate(list: KVList, path: string): string | undefined {
  for (let i = 0; i < list.length; i++) {
    const [key, value] = list[i]!;
    if (!key.isWellFormed()) return `${path}[${i}][0]`;
    if (typeof value === 'string' && !value.isWellFormed()) return `${path}[${i}][1]`;
    if (Array.isArray(value)) {
      const inner = findLoneSurrogate(value, `${path}[${i}][1]`);
      if (inner) return inner;
    }
  }
  return undefined;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Uint8Array) return `Uint8Array(${v.length})`;
  if (Array.isArray(v)) return `array(${v.length})`;
  return v === null ? 'null' : typeof v === 'object' ? 'object' : String(v);
}
