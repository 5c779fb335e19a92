/**
 * One frame -> message object. Every length and count is checked against
 * the bytes left in the frame before anything is allocated, every loop
 * consumes at least one byte per turn, and nesting is capped, so no input
 * can make decode() throw anything but TLibError, hang, or allocate more
 * than a small multiple of its own length.
 */
import { TIME_MICROSECONDS_TAG, TIME_SECONDS_TAG } from '../registry.js';
import { BinaryReader } from '../wire/binary-reader.js';
import { ATTRIBUTE_COST, BINARY_COST, costBudget, LIST_COST, PAIR_COST, UNKNOWN_COST } from './cost.js';
import { attrByTag, msgById, WIRE_KIND_NAME, type AttrCodec } from './attribute-table.js';
import { addToShape, decodeFast, TIME_PROPERTY, UNKNOWN_PROPERTY } from './decode-fast.js';
import { decodeError } from '../wire/errors.js';
import { storeAttribute } from './generated/property-dispatch.js';
import { resolveLimits, type Limits } from './limits.js';
import { WIRE_KIND, type KVList, type KVValue, type Message, type UnknownAttribute } from './types.js';

export interface DecodeOptions {
  limits?: Partial<Limits>;
}

/** The smallest key-value pair: empty key (1), kind (1), empty string value (1). */
const MIN_PAIR_BYTES = 3;

class FrameDecoderState {
  pairs = 0;
  attributes = 0;
  /** Estimated heap bytes of the message so far (cost.ts), against `budget`. */
  cost = 0;
  /** The message object's shape as a number: its type, then each property as it is added (see keptShapes). */
  shape = 0;
  readonly budget: number;
  constructor(
    readonly r: BinaryReader,
    readonly limits: Limits,
  ) {
    this.budget = costBudget(r.end, limits.maxCostPerByte);
  }
}

/** Adds `n` to the message's cost; refuses the frame once it is over budget. `at` is the offset of what is charged. */
function charge(s: FrameDecoderState, n: number, at: number): void {
  s.cost += n;
  if (s.cost > s.budget) {
    throw decodeError('LIMIT_EXCEEDED', `decoding would build about ${s.cost} bytes of objects, more than the cost limit of ${s.budget} for a ${s.r.end}-byte frame (maxCostPerByte ${s.limits.maxCostPerByte})`, at);
  }
}

export function decode(bytes: Uint8Array, options?: DecodeOptions): Message {
  const limits = resolveLimits(options?.limits);
  if (bytes.length < 4) throw decodeError('TRUNCATED', `input of ${bytes.length} bytes ends inside the 4-byte length prefix`, bytes.length);
  const bodyLength = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (bodyLength > limits.maxFrameBytes) {
    throw decodeError('FRAME_TOO_LARGE', `frame length ${bodyLength} exceeds the maximum of ${limits.maxFrameBytes} bytes`, 0);
  }
  const end = 4 + bodyLength;
  if (bytes.length < end) throw decodeError('TRUNCATED', `input ends after ${bytes.length} of the frame's ${end} bytes`, bytes.length);
  if (bytes.length > end) throw decodeError('TRAILING_BYTES', `${bytes.length - end} bytes follow the end of the frame`, end);
  const fast = decodeFast(bytes, limits, fastShape);
  if (fast !== undefined) {
    if (!keptShapes.has(fastShape.shape) && keptShapes.size < MAX_KEPT_SHAPES) {
      // The fast pass again: its objects have its own shapes.
      const copy = decodeFast(bytes, limits, fastShape)!;
      blank(copy as unknown as Record<string, unknown>);
      keptShapes.set(fastShape.shape, copy);
    }
    return fast;
  }
  const state = new FrameDecoderState(new BinaryReader(bytes, 4, end), limits);
  const msg = decodeBody(state);
  if (!keptShapes.has(state.shape) && keptShapes.size < MAX_KEPT_SHAPES) keepShape(state.shape, bytes, limits);
  return msg;
}

/** Where decodeFast() leaves the shape number of the message it made. */
const fastShape = { shape: 0 };

/**
 * One message of each shape, its values blanked, kept for the life of the
 * process. V8 frees a hidden class (the shape of a message object: its
 * property names in order) when no object has it any more; after a major GC
 * that frees every message of a shape, the decoder's and the caller's inline
 * caches lose it and the optimised code that named it is thrown away, so
 * decoding slows down until they are rebuilt. Messages of one type come in
 * many shapes (optional attributes present or not), so one kept message per
 * type is not enough: each shape is known by a number made from the type and
 * the attributes in order (FrameDecoderState.shape), and the first message of
 * each shape is decoded a second time (the exact code, whose objects get the
 * same shapes as the fast pass's: the same properties added in the same order) and
 * blanked: no caller's data is kept. At most MAX_KEPT_SHAPES of them, so
 * hostile traffic cannot grow this without bound; a rare collision of two
 * shapes' numbers only means one shape is not kept.
 */
const MAX_KEPT_SHAPES = 4096;
const keptShapes = new Map<number, Message>();

function keepShape(shape: number, bytes: Uint8Array, limits: Limits): void {
  const copy = decodeBody(new FrameDecoderState(new BinaryReader(bytes, 4, bytes.length), limits));
  blank(copy as unknown as Record<string, unknown>);
  keptShapes.set(shape, copy);
}

/** Every value replaced by an empty one of the same type (so the object's shape does not change). */
function blank(o: Record<string, unknown>): void {
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'string') o[k] = '';
    else if (typeof v === 'number') o[k] = 0;
    else if (typeof v === 'bigint') o[k] = 0n;
    else if (v instanceof Uint8Array) o[k] = new Uint8Array(0);
    else if (Array.isArray(v)) o[k] = [];
    else if (typeof v === 'object' && v !== null) blank(v as Record<string, unknown>);
  }
}

function decodeBody(s: FrameDecoderState): Message {
  const { r } = s;
  const type = r.varint('message type');
  const def = msgById(type);
  const msg: Record<string, unknown> = def ? { Event: def.name } : { Event: 'Unknown', MessageType: type };
  if (def?.obsolete) msg.Obsolete = true;
  let shape = def ? type + 1 : 0;
  let seconds: number | undefined;
  let micros: number | undefined;
  let timeAt = 0;
  let unknownTags: Set<number> | undefined;
  const stamp = nextStamp();
  while (r.pos < r.end) {
    const at = r.pos;
    if (++s.attributes > s.limits.maxAttributes) throw decodeError('LIMIT_EXCEEDED', `more than ${s.limits.maxAttributes} attributes in one message`, at);
    // Checked at the next charge: maxAttributes keeps this far below the allowance.
    s.cost += ATTRIBUTE_COST;
    const tag = r.varint('attribute tag');
    const wire = r.byte('attribute kind');
    const attr = attrByTag(tag);
    if (attr === undefined) {
      unknownTags ??= new Set();
      if (unknownTags.has(tag)) throw decodeError('DUPLICATE_ATTRIBUTE', `attribute tag ${tag} appears twice`, at);
      unknownTags.add(tag);
      charge(s, UNKNOWN_COST, at);
      if (msg.Unknown === undefined) shape = addToShape(shape, UNKNOWN_PROPERTY);
      ((msg.Unknown ??= []) as UnknownAttribute[]).push(readUnknown(s, tag, wire));
      continue;
    }
    if (wire !== attr.wire) throw kindMismatch(attr, wire, r.pos - 1);
    if (tag === TIME_SECONDS_TAG || tag === TIME_MICROSECONDS_TAG) {
      const isSeconds = tag === TIME_SECONDS_TAG;
      if ((isSeconds ? seconds : micros) !== undefined) throw decodeError('DUPLICATE_ATTRIBUTE', `attribute ${attr.name} (${tag}) appears twice`, at);
      const v = r.uint32(attr.name);
      if (isSeconds) seconds = v;
      else micros = v;
      timeAt = at;
      continue;
    }
    if (seenBefore(tag, stamp) || (tag >= SEEN_TAGS && msg[attr.name] !== undefined)) {
      throw decodeError('DUPLICATE_ATTRIBUTE', `attribute ${attr.name} (${tag}) appears twice`, at);
    }
    storeAttribute(msg, tag, readKnown(s, attr));
    shape = addToShape(shape, tag);
  }
  charge(s, 0, r.end); // attribute slots are added unchecked: the last of them are checked here
  if (seconds !== undefined && micros !== undefined) {
    msg.time = { seconds, microseconds: micros };
    shape = addToShape(shape, TIME_PROPERTY);
  } else if (seconds !== undefined || micros !== undefined) {
    throw decodeError('TIME_INCOMPLETE', `${seconds === undefined ? 'AttributeTimeinuSecs (87) without AttributeTimeinSecs (86)' : 'AttributeTimeinSecs (86) without AttributeTimeinuSecs (87)'}`, timeAt);
  }
  s.shape = shape;
  return msg as unknown as Message;
}

/**
 * Duplicate detection for tags below SEEN_TAGS without a property lookup:
 * `msg[name]` with a varying name is a megamorphic keyed load, and it showed
 * up at 6% of decoding an EventACK. Each decode() takes a new stamp and
 * marks the tags it meets; a tag already bearing this decode's stamp is a
 * duplicate. (decode() never calls out to user code, so stamps never interleave.)
 */
const SEEN_TAGS = 256;
const seen = new Uint32Array(SEEN_TAGS);
let currentStamp = 0;

function nextStamp(): number {
  if (currentStamp === 0xffffffff) {
    seen.fill(0);
    currentStamp = 0;
  }
  return ++currentStamp;
}

/** Marks `tag` as met in this decode; true when it was met already. */
function seenBefore(tag: number, stamp: number): boolean {
  if (tag >= SEEN_TAGS) return false;
  if (seen[tag] === stamp) return true;
  seen[tag] = stamp;
  return false;
}

/** `at` is the kind byte's offset: the byte that is wrong. */
function kindMismatch(attr: AttrCodec, wire: number, at: number) {
  const got = WIRE_KIND_NAME[wire];
  if (got === undefined) return decodeError('UNKNOWN_KIND', `value kind ${wire} of attribute ${attr.name} is not defined`, at);
  return decodeError('KIND_MISMATCH', `attribute ${attr.name} (${attr.tag}) must be ${WIRE_KIND_NAME[attr.wire]}, got ${got}`, at);
}

function readKnown(s: FrameDecoderState, attr: AttrCodec): unknown {
  const { r } = s;
  // Dispatch on the wire kind (a small integer) rather than on the kind's
  // name: a switch over strings is a chain of string comparisons.
  switch (attr.wire) {
    case WIRE_KIND.STRING:
      return r.string(attr.name, s.limits.maxStringBytes);
    case WIRE_KIND.INT32:
      return attr.signed ? r.int32(attr.name) : r.uint32(attr.name);
    case WIRE_KIND.KVLIST:
      return readList(s, attr.name, 1);
    case WIRE_KIND.INT64:
      return attr.hex ? r.hex64(attr.name) : r.uint64(attr.name);
    default:
      charge(s, BINARY_COST, r.pos);
      return r.binary(attr.name, s.limits.maxStringBytes);
  }
}

function readUnknown(s: FrameDecoderState, tag: number, wire: number): UnknownAttribute {
  const { r } = s;
  const what = 'unknown attribute';
  switch (wire) {
    case WIRE_KIND.INT32:
      return { tag, kind: 'int32', value: r.int32(what) };
    case WIRE_KIND.INT64:
      return { tag, kind: 'int64', value: r.uint64(what) };
    case WIRE_KIND.STRING:
      return { tag, kind: 'string', value: r.string(what, s.limits.maxStringBytes) };
    case WIRE_KIND.BINARY:
      charge(s, BINARY_COST, r.pos);
      return { tag, kind: 'binary', value: r.binary(what, s.limits.maxStringBytes) };
    case WIRE_KIND.KVLIST:
      return { tag, kind: 'kvlist', value: readList(s, what, 1) };
    default:
      throw decodeError('UNKNOWN_KIND', `value kind ${wire} of attribute ${tag} is not defined`, r.pos - 1);
  }
}

function readList(s: FrameDecoderState, what: string, depth: number): KVList {
  const { r, limits } = s;
  const at = r.pos;
  if (depth > limits.maxDepth) throw decodeError('NESTING_TOO_DEEP', `key-value list nested deeper than ${limits.maxDepth} levels`, at);
  const count = r.varint(what, ' pair count');
  if (count > (r.end - r.pos) / MIN_PAIR_BYTES) {
    throw decodeError('VALUE_OVERRUN', `${what} claims ${count} pairs but the frame has only ${r.end - r.pos} bytes left`, at);
  }
  s.pairs += count;
  if (s.pairs > limits.maxPairs) throw decodeError('LIMIT_EXCEEDED', `more than ${limits.maxPairs} key-value pairs in one message`, at);
  charge(s, LIST_COST + count * PAIR_COST, at);
  const list: KVList = new Array(count);
  // The loop keeps the read position in a local and reads short strings and
  // integers straight from the buffer (see stringAt). Anything unusual
  // (a long string, bad UTF-8, too few bytes left) goes to the reader's
  // checked methods, which produce exactly the errors they always did.
  const { buf, end } = r;
  const max = limits.maxStringBytes;
  let p = r.pos;
  for (let i = 0; i < count; i++) {
    const key = stringAt(r, p, end, max, 'key-value key');
    p = r.pos;
    if (p >= end) {
      r.pos = p;
      r.byte('key-value kind'); // throws VALUE_OVERRUN
    }
    const kindAt = p;
    const wire = buf[p++]!;
    let value: KVValue;
    if (wire === WIRE_KIND.STRING) {
      value = stringAt(r, p, end, max, 'key-value string');
      p = r.pos;
    } else if (wire === WIRE_KIND.INT32 && end - p >= 4) {
      value = (buf[p]! << 24) | (buf[p + 1]! << 16) | (buf[p + 2]! << 8) | buf[p + 3]!;
      p += 4;
    } else {
      r.pos = p;
      switch (wire) {
        case WIRE_KIND.INT32:
          value = r.int32('key-value integer'); // throws VALUE_OVERRUN
          break;
        case WIRE_KIND.BINARY:
          charge(s, BINARY_COST, p);
          value = r.binary('key-value binary', max);
          break;
        case WIRE_KIND.KVLIST:
          value = readList(s, 'nested key-value list', depth + 1);
          break;
        default:
          throw decodeError('UNKNOWN_KIND', `value kind ${wire} is not allowed in a key-value list (string 3, int32 1, binary 4, list 5)`, kindAt);
      }
      p = r.pos;
    }
    list[i] = [key, value];
  }
  r.pos = p;
  return list;
}

/**
 * The string whose length prefix is at `p`, when that prefix is one byte,
 * the string is within `max` and the frame, and it is well-formed UTF-8;
 * otherwise undefined, and the caller takes the checked path (which throws
 * the precise error). Nearly every key and value takes this path.
 */
/**
 * The string whose length prefix is at `p`: a short one straight from the
 * buffer, any other by the reader's checked method (which throws the precise
 * error). The reader's position ends just after it.
 */
function stringAt(r: BinaryReader, p: number, end: number, max: number, what: string): string {
  const short = shortString(r, p, end, max);
  if (short === undefined) {
    r.pos = p;
    return r.string(what, max);
  }
  r.pos = p + 1 + r.buf[p]!;
  return short;
}

function shortString(r: BinaryReader, p: number, end: number, max: number): string | undefined {
  if (p >= end) return undefined;
  const len = r.buf[p]!;
  if (len >= 0x80 || len > max || len >= end - p) return undefined;
  return r.text(p + 1, p + 1 + len);
}
