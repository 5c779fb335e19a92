/**
 * The encoder's one pass: each value of the message is read once and
 * checked as it is written, into one reused buffer. Anything it does not
 * accept (a wrong value, an unknown name, a limit, a lone surrogate, a
 * message that throws while it is read) makes it give up (BAIL) without
 * deciding the error: encode.ts then runs the exact, slower code, which
 * finds the error the spec's order names (spec/wire-format.md 10.1).
 *
 * Re-entrant by construction: all its state is in one FastEncoder, and a
 * call that finds the shared one busy (a getter that encodes) gets its own.
 */
import { UNKNOWN_VALUE_KIND, VALUE_KINDS, type WireKindName } from '../registry.js';
import { varintSize } from '../wire/binary-writer.js';
import { putInt32, putVarint } from '../wire/put.js';
import { writeUtf8 } from '../wire/utf8.js';
import { attrByTag, MSG_BY_NAME, msgById } from './attribute-table.js';
import { ATTRIBUTE_COST, BINARY_COST, costBudget, LIST_COST, PAIR_COST, UNKNOWN_COST } from './cost.js';
import { KIND, SLOT_COUNT, SLOT_KIND, SLOT_TAG, SLOT_WIRE, slotOf, NOT_AN_ATTRIBUTE } from './generated/property-dispatch.js';
import type { Limits } from './limits.js';

/** Thrown inside the pass to hand the message to the exact path; never leaves encode(). */
export const BAIL: unique symbol = Symbol('bail');

const POOL_BYTES = 32 * 1024;
/** A frame starts in the pool when this much is left of it; a larger one moves out as it grows. */
const MIN_ROOM = 512;
/** A grown buffer is returned as a view when the frame fills at least this share of it, else copied. */
const KEEP_SHARE = 0.5;
const TIME_TAG = 86;
const UINT32_MAX = 0xffffffff;
const UINT64_MAX = (1n << 64n) - 1n;
const hasOwn = Object.prototype.hasOwnProperty;
const MESSAGE = new Map(Object.entries(MSG_BY_NAME));
/** An `Unknown` entry's kind name -> [value kind code, wire byte]; a Map, so `toString` is no kind. */
const UNKNOWN_KIND = new Map<unknown, readonly [number, number]>(
  (Object.entries(UNKNOWN_VALUE_KIND) as [WireKindName, keyof typeof KIND][]).map(([name, kind]) => [name, [KIND[kind], VALUE_KINDS[kind].wire]] as const),
);

function bail(): never {
  throw BAIL;
}

/** A view over a detached (transferred) buffer reads as empty; writing it would throw. */
export function detached(v: Uint8Array): boolean {
  try {
    new Uint8Array(v.buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

export class FastEncoder {
  busy = false;
  buf: Uint8Array;
  pos = 0;
  /** First byte of the frame being written in `buf`. */
  start = 0;
  private pool: Uint8Array;
  /** The pool's ArrayBuffer, for the returned views (read once per pool, not per frame). */
  private poolBuffer: ArrayBufferLike;
  private poolFree = 0;
  /** Attribute values by slot (tag order), each read once from the message. */
  private readonly slots: unknown[] = new Array<unknown>(SLOT_COUNT).fill(undefined);
  /** The `Unknown` entries, read once, sorted by tag. */
  private readonly uTag: number[] = [];
  private readonly uKind: number[] = [];
  private readonly uWire: number[] = [];
  private readonly uValue: unknown[] = [];
  private uCount = 0;
  private limits!: Limits;
  private pairs = 0;
  private cost = 0;
  /** The time pair, read once, until it is written in its place (tags 86, 87). */
  private timePending = false;
  private seconds = 0;
  private micros = 0;

  constructor() {
    this.pool = new Uint8Array(POOL_BYTES);
    this.poolBuffer = this.pool.buffer;
    this.buf = this.pool;
  }

  /** Writes `m` as one frame at [start, pos) of `buf`, or throws BAIL (state cleared). */
  write(m: unknown, allowObsolete: boolean, limits: Limits): void {
    try {
      this.writeFrame(m, allowObsolete, limits);
    } catch (e) {
      this.forget();
      this.abandon();
      throw e;
    }
  }

  /** The frame written, as an array the caller may keep (a view of the pool, or of a buffer grown for it alone). */
  finish(): Uint8Array {
    const { buf, start, pos } = this;
    if (buf === this.pool) {
      this.poolFree = pos;
      // A view made by the constructor: subarray() looks up the species
      // constructor on every call, which showed at 4% of encoding.
      return new Uint8Array(this.poolBuffer, start, pos - start);
    }
    this.buf = this.pool;
    return pos >= buf.length * KEEP_SHARE ? buf.subarray(0, pos) : buf.slice(0, pos);
  }

  /** Forgets the frame written (after copying it out, or a failure): the pool space is reused. */
  abandon(): void {
    this.buf = this.pool;
    this.pos = this.poolFree;
  }

  private forget(): void {
    this.slots.fill(undefined);
    for (let i = 0; i < this.uCount; i++) this.uValue[i] = undefined;
    this.uCount = 0;
  }

  private writeFrame(m: unknown, allowObsolete: boolean, limits: Limits): void {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) bail();
    this.limits = limits;
    this.pairs = 0;
    this.cost = 0;
    const msg = m as Record<string, unknown>;
    const slots = this.slots;
    let n = 0;
    let filled = 0;
    // Event is taken as the loop meets it (a non-enumerable one is not met,
    // and then the exact code decides): no own-property test and load of its own.
    let event: unknown;
    for (const key in msg) {
      if (!hasOwn.call(msg, key)) continue;
      const s = slotOf(key);
      if (s >= 0) {
        const v = msg[key];
        if (v !== undefined) {
          slots[s] = v;
          filled |= 1 << s;
          n++;
        }
      } else if (s === NOT_AN_ATTRIBUTE) {
        if (msg[key] !== undefined) bail();
      } else if (key === 'Event') event = msg[key];
    }
    const type = messageType(msg, event, allowObsolete);
    const time = hasOwn.call(msg, 'time') ? msg.time : undefined;
    this.timePending = false;
    if (time !== undefined) {
      if (typeof time !== 'object' || time === null || Array.isArray(time)) bail();
      const t = time as Record<string, unknown>;
      this.seconds = u32(hasOwn.call(t, 'seconds') ? t.seconds : undefined);
      this.micros = u32(hasOwn.call(t, 'microseconds') ? t.microseconds : undefined);
      this.timePending = true;
      n += 2;
    }
    const unknown = hasOwn.call(msg, 'Unknown') ? msg.Unknown : undefined;
    if (unknown !== undefined) n += this.readUnknown(unknown);
    if (n > limits.maxAttributes) bail();
    this.cost += n * ATTRIBUTE_COST;

    this.begin();
    this.pos += 4;
    this.ensure(5);
    this.varint(type);
    let u = 0;
    // The filled slots lowest first (ascending tags), one turn each.
    for (; filled !== 0; filled &= filled - 1) {
      const i = 31 - Math.clz32(filled & -filled);
      const v = slots[i];
      slots[i] = undefined;
      const tag = SLOT_TAG[i]!;
      if (u < this.uCount) u = this.unknownsBelow(u, tag);
      if (this.timePending && tag > TIME_TAG) this.time();
      this.ensure(6);
      this.varint(tag);
      this.buf[this.pos++] = SLOT_WIRE[i]!;
      this.value(SLOT_KIND[i]!, v);
    }
    this.unknownsBelow(u, Infinity);
    if (this.timePending) this.time();
    this.uCount = 0;
    const body = this.pos - this.start - 4;
    if (body > limits.maxFrameBytes) bail();
    if (this.cost > costBudget(4 + body, limits.maxCostPerByte)) bail();
    putInt32(this.buf, this.start, body);
  }

  /** Writes the Unknown entries from `u` whose tag is below `below` (and the time pair in its place); returns the next entry. */
  private unknownsBelow(u: number, below: number): number {
    for (; u < this.uCount && this.uTag[u]! < below; u++) {
      const tag = this.uTag[u]!;
      if (this.timePending && tag > TIME_TAG) this.time();
      this.ensure(6);
      this.varint(tag);
      this.buf[this.pos++] = this.uWire[u]!;
      const v = this.uValue[u];
      this.uValue[u] = undefined;
      this.value(this.uKind[u]!, v);
    }
    return u;
  }

  private time(): void {
    this.timePending = false;
    const { seconds, micros } = this;
    this.ensure(12);
    const b = this.buf;
    b[this.pos] = TIME_TAG;
    b[this.pos + 1] = 1;
    this.pos += 2;
    this.int32(seconds);
    b[this.pos] = TIME_TAG + 1;
    b[this.pos + 1] = 1;
    this.pos += 2;
    this.int32(micros);
  }

  /** Reads the `Unknown` entries once, checks their tags and kinds, sorts them by tag; returns how many. */
  private readUnknown(list: unknown): number {
    if (!Array.isArray(list)) bail();
    const n = list.length;
    const { uTag, uKind, uWire, uValue } = this;
    for (let i = 0; i < n; i++) {
      const e: unknown = list[i];
      if (typeof e !== 'object' || e === null || Array.isArray(e)) bail();
      const entry = e as Record<string, unknown>;
      const tag = hasOwn.call(entry, 'tag') ? entry.tag : undefined;
      if (typeof tag !== 'number' || !Number.isInteger(tag) || tag < 0 || tag > UINT32_MAX || attrByTag(tag) !== undefined || tag === TIME_TAG) bail();
      const kind = UNKNOWN_KIND.get(hasOwn.call(entry, 'kind') ? entry.kind : undefined);
      if (kind === undefined) bail();
      const value = hasOwn.call(entry, 'value') ? entry.value : undefined;
      // Insertion by tag; an equal tag is a duplicate.
      let j = this.uCount;
      while (j > 0 && uTag[j - 1]! > tag) {
        uTag[j] = uTag[j - 1]!;
        uKind[j] = uKind[j - 1]!;
        uWire[j] = uWire[j - 1]!;
        uValue[j] = uValue[j - 1];
        j--;
      }
      uTag[j] = tag;
      uKind[j] = kind[0];
      uWire[j] = kind[1];
      uValue[j] = value;
      this.uCount++;
      if (j > 0 && uTag[j - 1] === tag) bail();
    }
    this.cost += n * UNKNOWN_COST;
    return n;
  }

  private value(kind: number, v: unknown): void {
    switch (kind) {
      case KIND.string:
        if (typeof v !== 'string') bail();
        return this.string(v);
      case KIND.int:
        if (typeof v !== 'number' || (v | 0) !== v) bail();
        this.ensure(4);
        return this.int32(v);
      case KIND.u32:
        this.ensure(4);
        return this.int32(u32(v));
      case KIND.kvlist:
        return this.list(v, 1);
      case KIND.connid:
        return this.connid(v);
      case KIND.u64:
        if (typeof v !== 'bigint' || v < 0n || v > UINT64_MAX) bail();
        this.ensure(8);
        this.int32(Number(v >> 32n));
        return this.int32(Number(v & 0xffffffffn));
      default:
        return this.binary(v);
    }
  }

  /** A ConnID's 16 lowercase hex digits, checked as they are converted. */
  private connid(v: unknown): void {
    if (typeof v !== 'string' || v.length !== 16) bail();
    this.ensure(8);
    const b = this.buf;
    const p = this.pos;
    // Every digit through one table, the checks folded into one test at the
    // end: a char above 0x7f or a non-digit (-1 in the table) sets bits above
    // 15. A frame given up on is never returned, so the bytes written before
    // the test do not matter.
    const D = HEX_VALUE;
    let bad = 0;
    for (let i = 0; i < 8; i++) {
      const c0 = v.charCodeAt(2 * i);
      const c1 = v.charCodeAt(2 * i + 1);
      const hi = D[c0 & 0x7f]!;
      const lo = D[c1 & 0x7f]!;
      bad |= c0 | c1 | hi | lo;
      b[p + i] = (hi << 4) | lo;
    }
    if ((bad & ~0x7f) !== 0) bail();
    this.pos = p + 8;
  }

  private binary(v: unknown): void {
    if (!(v instanceof Uint8Array)) bail();
    const len = v.length;
    if (len > this.limits.maxStringBytes || (len === 0 && detached(v))) bail();
    this.cost += BINARY_COST;
    this.ensure(5 + len);
    this.varint(len);
    this.buf.set(v, this.pos);
    this.pos += len;
  }

  /** Length-prefixed UTF-8; the prefix's size is guessed from the UTF-16 length and the bytes moved when wrong. */
  private string(s: string): void {
    const units = s.length;
    const max = this.limits.maxStringBytes;
    if (units > max) bail();
    if (units < 0x80) {
      // Nearly every key and value: ASCII under 128 chars, a one-byte length
      // and one byte per char, written here without a call.
      this.ensure(1 + 3 * units);
      const b = this.buf;
      const at = this.pos + 1;
      let i = 0;
      // Four chars a turn while they are ASCII: the loop's own test and jump
      // cost as much as a char; the char loop finishes (or finds the non-ASCII one).
      for (const last = units - 3; i < last; i += 4) {
        const c0 = s.charCodeAt(i);
        const c1 = s.charCodeAt(i + 1);
        const c2 = s.charCodeAt(i + 2);
        const c3 = s.charCodeAt(i + 3);
        if ((c0 | c1 | c2 | c3) >= 0x80) break;
        b[at + i] = c0;
        b[at + i + 1] = c1;
        b[at + i + 2] = c2;
        b[at + i + 3] = c3;
      }
      for (; i < units; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        b[at + i] = c;
      }
      if (i === units) {
        b[at - 1] = units;
        this.pos = at + units;
        return;
      }
    }
    this.ensure(5 + 3 * units);
    const guess = varintSize(units);
    const at = this.pos + guess;
    const end = writeUtf8(this.buf, at, s);
    if (end < 0) bail();
    const len = end - at;
    if (len > max) bail();
    if (len < 0x80 && guess === 1) {
      this.buf[this.pos] = len;
      this.pos = end;
      return;
    }
    const real = varintSize(len);
    if (real !== guess) this.buf.copyWithin(this.pos + real, at, end);
    this.varint(len);
    this.pos += len;
  }

  private list(v: unknown, depth: number): void {
    if (!Array.isArray(v)) bail();
    const { maxDepth, maxPairs } = this.limits;
    if (depth > maxDepth) bail();
    const n = v.length;
    this.pairs += n;
    if (this.pairs > maxPairs) bail();
    this.cost += LIST_COST + n * PAIR_COST;
    this.ensure(5);
    this.varint(n);
    for (let i = 0; i < n; i++) {
      const pair: unknown = v[i];
      if (!Array.isArray(pair) || pair.length !== 2) bail();
      const key: unknown = pair[0];
      const value: unknown = pair[1];
      if (typeof key !== 'string') bail();
      this.string(key);
      this.ensure(1);
      if (typeof value === 'string') {
        this.buf[this.pos++] = 3;
        this.string(value);
      } else if (typeof value === 'number') {
        if ((value | 0) !== value) bail();
        this.buf[this.pos++] = 1;
        this.ensure(4);
        this.int32(value);
      } else if (value instanceof Uint8Array) {
        this.buf[this.pos++] = 4;
        this.binary(value);
      } else if (Array.isArray(value)) {
        this.buf[this.pos++] = 5;
        this.list(value, depth + 1);
      } else bail();
    }
  }

  private begin(): void {
    if (this.pool.length - this.poolFree < MIN_ROOM) {
      this.pool = new Uint8Array(POOL_BYTES);
      this.poolBuffer = this.pool.buffer;
      this.poolFree = 0;
    }
    this.buf = this.pool;
    this.start = this.pos = this.poolFree;
  }

  private ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  /** Moves the frame so far into a buffer of its own, with room for `n` more bytes. */
  private grow(n: number): void {
    const used = this.pos - this.start;
    let size = Math.max(POOL_BYTES, this.buf === this.pool ? 0 : this.buf.length);
    while (size < used + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(this.start, this.pos));
    this.buf = next;
    this.start = 0;
    this.pos = used;
  }

  private varint(v: number): void {
    this.pos = putVarint(this.buf, this.pos, v);
  }

  private int32(v: number): void {
    putInt32(this.buf, this.pos, v);
    this.pos += 4;
  }
}

function u32(v: unknown): number {
  if (typeof v !== 'number' || v >>> 0 !== v) bail();
  return v;
}

function messageType(msg: Record<string, unknown>, event: unknown, allowObsolete: boolean): number {
  if (event === 'Unknown') {
    const id = hasOwn.call(msg, 'MessageType') ? msg.MessageType : undefined;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > UINT32_MAX || msgById(id) !== undefined) bail();
    return id;
  }
  const def = typeof event === 'string' ? MESSAGE.get(event) : undefined;
  if (def === undefined || (def.obsolete && !allowObsolete)) bail();
  return def.id;
}

/** The value of each ASCII char as a lowercase hex digit, -1 for any other char. */
const HEX_VALUE = Int8Array.from({ length: 0x80 }, (_, c) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1));

