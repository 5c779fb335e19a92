/**
 * The decoder's one tight pass for the frames real traffic carries: known
 * message type and attributes, one- or two-byte varints, strings and keys
 * under 128 bytes, values within the limits. It reads with the position in
 * a local and the frame's bytes in module state, so no reader object or
 * method call stands between the bytes and the message. Anything else (an
 * unknown tag or type, a longer varint or string, too few bytes, bad UTF-8,
 * a duplicate, a limit or the cost reached) makes it return undefined
 * without deciding anything: decode.ts then runs the exact code on the same
 * frame, which gives the message or the error (code and offset) the spec's
 * order names. Its messages are built exactly as the exact code builds them
 * (same properties, same order, same values), which the differential test
 * against the frozen codec checks.
 *
 * Not re-entrant, and need not be: it calls no user code.
 */
import { TIME_MICROSECONDS_TAG, TIME_SECONDS_TAG, WIRE_KIND } from '../registry.js';
import { hex64At } from '../wire/hex64.js';
import { latin1, readUtf8 } from '../wire/utf8.js';
import { attrByTag, msgById } from './attribute-table.js';
import { ATTRIBUTE_COST, BINARY_COST, costBudget, LIST_COST, PAIR_COST } from './cost.js';
import { storeAttribute } from './generated/property-dispatch.js';
import type { Limits } from './limits.js';
import type { KVList, KVValue, Message } from './types.js';

const MIN_PAIR_BYTES = 3;
/** Tags below this are checked for duplicates by stamps; a larger one hands the frame to the exact code when seen twice in one message. */
const SEEN_TAGS = 256;
const seen = new Uint32Array(SEEN_TAGS);
let stamp = 0;

/** The frame being decoded, its end, its latin1 string (made at its first ASCII string), and the running totals. */
let buf: Uint8Array = new Uint8Array(0);
let end = 0;
let pos = 0;
let chars: string | undefined;
let pairs = 0;
let cost = 0;
let maxStringBytes = 0;
let maxPairs = 0;
let maxDepth = 0;
/** A value the pass does not take: the frame goes to the exact code. */
let failed = false;

/** Set while a frame is being decoded: see decodeFast. */
let busy = false;

/**
 * The message of the frame `bytes` (whose length is 4 + body, checked), or
 * undefined: then the exact code decides. `out.shape` receives the message's
 * shape number. A call made while another is under way (only possible from
 * a setter someone put on Object.prototype for an attribute's name) returns
 * undefined at once, so the exact code, which keeps its state per call,
 * decodes that frame and the state here is left alone.
 */
export function decodeFast(bytes: Uint8Array, limits: Limits, out: { shape: number }): Message | undefined {
  if (busy) return undefined;
  busy = true;
  try {
    return pass(bytes, limits, out);
  } finally {
    busy = false;
    buf = EMPTY;
    chars = undefined;
  }
}

function pass(bytes: Uint8Array, limits: Limits, out: { shape: number }): Message | undefined {
  buf = bytes;
  end = bytes.length;
  pos = 4;
  chars = undefined;
  pairs = 0;
  cost = 0;
  failed = false;
  maxStringBytes = limits.maxStringBytes;
  maxPairs = limits.maxPairs;
  maxDepth = limits.maxDepth;
  if (stamp === 0xffffffff) {
    seen.fill(0);
    stamp = 0;
  }
  const st = ++stamp;
  const type = varint();
  const def = type < 0 ? undefined : msgById(type);
  if (def === undefined) return undefined;
  const msg = new (DecodedMessage as unknown as new (event: string) => Record<string, unknown>)(def.name);
  if (def.obsolete) msg.Obsolete = true;
  let shape = type + 1;
  let seconds = -1;
  let micros = -1;
  let attributes = 0;
  let high = 0;
  const maxAttributes = limits.maxAttributes;
  while (pos < end) {
    if (++attributes > maxAttributes) return undefined;
    const tag = varint();
    if (tag < 0 || pos >= end) return undefined;
    const wire = buf[pos++]!;
    const attr = attrByTag(tag);
    if (attr === undefined || wire !== attr.wire) return undefined;
    if (tag < SEEN_TAGS) {
      if (seen[tag] === st) return undefined;
      seen[tag] = st;
    } else {
      // The registry's tags above 255 are its project range (16000 and up): one bit each.
      const bit = tag - 16000;
      if (bit < 0 || bit > 30 || (high & (1 << bit)) !== 0) return undefined;
      high |= 1 << bit;
    }
    if (tag === TIME_SECONDS_TAG || tag === TIME_MICROSECONDS_TAG) {
      if (end - pos < 4) return undefined;
      const v = int32() >>> 0;
      if (tag === TIME_SECONDS_TAG) seconds = v;
      else micros = v;
      continue;
    }
    let v: unknown;
    switch (wire) {
      case WIRE_KIND.STRING:
        v = string();
        break;
      case WIRE_KIND.INT32:
        if (end - pos < 4) return undefined;
        v = attr.signed ? int32() : int32() >>> 0;
        break;
      case WIRE_KIND.KVLIST:
        v = list(1);
        break;
      case WIRE_KIND.INT64:
        if (end - pos < 8) return undefined;
        v = attr.hex ? hex64() : uint64();
        break;
      default:
        v = binary();
    }
    if (failed) return undefined;
    storeAttribute(msg, tag, v);
    shape = addToShape(shape, tag);
  }
  if (seconds >= 0 && micros >= 0) {
    msg.time = { seconds, microseconds: micros };
    shape = addToShape(shape, TIME_PROPERTY);
  } else if (seconds >= 0 || micros >= 0) return undefined;
  cost += attributes * ATTRIBUTE_COST;
  if (cost > costBudget(end, limits.maxCostPerByte)) return undefined;
  out.shape = shape;
  return msg as unknown as Message;
}

/**
 * Messages are made by a constructor whose prototype is Object.prototype
 * (so they are plain objects to every reader): V8 gives constructed objects
 * room for their properties inside the object (slack tracking), where an
 * object literal keeps every property after the first in a separate array,
 * reallocated as it grows.
 */
function DecodedMessage(this: Record<string, unknown>, event: string): void {
  this.Event = event;
}
DecodedMessage.prototype = Object.prototype;

/** Stand-ins for the properties that are not attributes, in addToShape: no tag is negative. */
export const UNKNOWN_PROPERTY = -1;
export const TIME_PROPERTY = -2;

/**
 * The number of a message object's shape after one more property (a
 * multiplicative hash of the sequence): the type id + 1 (0 for an unknown
 * type), then each property as it is added. decode.ts keeps one message per
 * shape number.
 */
export function addToShape(shape: number, property: number): number {
  return (Math.imul(shape ^ property, 0x9e3779b1) + 1) | 0;
}

const EMPTY = new Uint8Array(0);

/** A varint of one or two bytes in shortest form, or -1. */
function varint(): number {
  const p = pos;
  if (p >= end) return -1;
  const b0 = buf[p]!;
  if (b0 < 0x80) {
    pos = p + 1;
    return b0;
  }
  if (p + 1 >= end) return -1;
  const b1 = buf[p + 1]!;
  if (b1 === 0 || b1 >= 0x80) return -1;
  pos = p + 2;
  return (b0 & 0x7f) | (b1 << 7);
}

function int32(): number {
  const p = pos;
  pos = p + 4;
  return (buf[p]! << 24) | (buf[p + 1]! << 16) | (buf[p + 2]! << 8) | buf[p + 3]!;
}

function uint64(): bigint {
  const hi = int32() >>> 0;
  const lo = int32() >>> 0;
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** 8 bytes as 16 lowercase hex digits, one flat string. */
function hex64(): string {
  const p = pos;
  pos = p + 8;
  return hex64At(buf, p);
}

/**
 * A string with a one-byte length: ASCII as a substring of the frame's
 * latin1 string, anything else through the UTF-8 decoder; '' with `failed`
 * set when it is not one the pass takes.
 */
function string(): string {
  const p = pos;
  if (p >= end) return fail('');
  const len = buf[p]!;
  const start = p + 1;
  const stop = start + len;
  if (len >= 0x80 || len > maxStringBytes || stop > end) return fail('');
  pos = stop;
  const b = buf;
  // Four bytes a turn (the loop's own test and jump cost as much as the OR),
  // the last four overlapping the ones before rather than a loop for the rest.
  let ascii = 0;
  if (len >= 4) {
    for (let i = start, last = stop - 4; i < last; i += 4) ascii |= b[i]! | b[i + 1]! | b[i + 2]! | b[i + 3]!;
    ascii |= b[stop - 4]! | b[stop - 3]! | b[stop - 2]! | b[stop - 1]!;
  } else for (let i = start; i < stop; i++) ascii |= b[i]!;
  if (ascii < 0x80) return (chars ??= latin1(b, 0, end)).substring(start, stop);
  return readUtf8(b, start, stop) ?? fail('');
}

function binary(): Uint8Array {
  const p = pos;
  if (p >= end) return fail(EMPTY);
  const len = buf[p]!;
  if (len >= 0x80 || len > maxStringBytes || p + 1 + len > end) return fail(EMPTY);
  cost += BINARY_COST;
  pos = p + 1 + len;
  return buf.slice(p + 1, p + 1 + len);
}

function fail<T>(v: T): T {
  failed = true;
  return v;
}

function list(depth: number): KVList {
  const count = depth > maxDepth ? -1 : varint();
  if (count < 0 || count > (end - pos) / MIN_PAIR_BYTES || (pairs += count) > maxPairs) return fail([]);
  cost += LIST_COST + count * PAIR_COST;
  const out: KVList = new Array(count);
  for (let i = 0; i < count; i++) {
    const key = string();
    if (failed || pos >= end) return fail(out);
    const wire = buf[pos++]!;
    let value: KVValue;
    if (wire === WIRE_KIND.STRING) value = string();
    else if (wire === WIRE_KIND.INT32) {
      if (end - pos < 4) return fail(out);
      value = int32();
    } else if (wire === WIRE_KIND.KVLIST) value = list(depth + 1);
    else if (wire === WIRE_KIND.BINARY) value = binary();
    else return fail(out);
    if (failed) return out;
    out[i] = [key, value];
  }
  return out;
}
