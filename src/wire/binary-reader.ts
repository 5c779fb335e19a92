/**
 * Bounds-checked reads from one frame. Every read either returns a value
 * that lies wholly inside [pos, end) or throws a TLibError naming the
 * offset, so no malformed input can read past the frame or make the caller
 * allocate more than the bytes that are really there.
 */
import { decodeError } from '../codec/errors.js';
import { readUtf8 } from './utf8.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class BinaryReader {
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    pos: number,
    readonly end: number,
  ) {
    this.pos = pos;
  }

  /** Unsigned LEB128, at most 5 bytes, at most 2^32-1, shortest form only. */
  varint(what: string): number {
    const { buf, end } = this;
    const start = this.pos;
    let p = start;
    if (p >= end) throw decodeError('VALUE_OVERRUN', `${what} runs past the end of the frame`, p);
    let b = buf[p++]!;
    if (b < 0x80) {
      this.pos = p;
      return b;
    }
    let value = b & 0x7f;
    let shift = 7;
    for (;;) {
      if (p >= end) throw decodeError('VALUE_OVERRUN', `${what} runs past the end of the frame`, start);
      b = buf[p++]!;
      if (shift === 28 && b > 0x0f) throw decodeError('VARINT_INVALID', `${what} is a varint above 2^32-1 or longer than 5 bytes`, start);
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    if (b === 0) throw decodeError('VARINT_INVALID', `${what} is a varint not in its shortest form`, start);
    this.pos = p;
    return value;
  }

  byte(what: string): number {
    if (this.pos >= this.end) throw decodeError('VALUE_OVERRUN', `${what} runs past the end of the frame`, this.pos);
    return this.buf[this.pos++]!;
  }

  private need(n: number, what: string): number {
    const p = this.pos;
    if (n > this.end - p) throw decodeError('VALUE_OVERRUN', `${what} needs ${n} bytes but the frame has ${this.end - p} left`, p);
    this.pos = p + n;
    return p;
  }

  int32(what: string): number {
    const p = this.need(4, what);
    const b = this.buf;
    return (b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!;
  }

  uint32(what: string): number {
    return this.int32(what) >>> 0;
  }

  uint64(what: string): bigint {
    const hi = this.uint32(what);
    const lo = this.uint32(what);
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** 8 bytes as 16 lowercase hex digits: how T-Library shows a ConnID. */
  hex64(what: string): string {
    const p = this.need(8, what);
    const b = this.buf;
    return HEX[b[p]!]! + HEX[b[p + 1]!]! + HEX[b[p + 2]!]! + HEX[b[p + 3]!]! + HEX[b[p + 4]!]! + HEX[b[p + 5]!]! + HEX[b[p + 6]!]! + HEX[b[p + 7]!]!;
  }

  /** Length-prefixed bytes: returns the start offset; the length is checked against the frame and `max`. */
  private lengthPrefixed(what: string, max: number): [start: number, len: number] {
    const at = this.pos;
    const len = this.varint(`${what} length`);
    if (len > max) throw decodeError('LIMIT_EXCEEDED', `${what} of ${len} bytes exceeds the limit of ${max}`, at);
    return [this.need(len, what), len];
  }

  string(what: string, max: number): string {
    const [start, len] = this.lengthPrefixed(what, max);
    const s = readUtf8(this.buf, start, start + len);
    if (s === undefined) throw decodeError('INVALID_UTF8', `${what} is not well-formed UTF-8`, start);
    return s;
  }

  /** A copy, so the message does not keep the (possibly large, possibly reused) input alive. */
  binary(what: string, max: number): Uint8Array {
    const [start, len] = this.lengthPrefixed(what, max);
    return this.buf.slice(start, start + len);
  }
}
