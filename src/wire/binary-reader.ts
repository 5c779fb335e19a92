/**
 * Bounds-checked reads from one frame. Every read either returns a value
 * that lies wholly inside [pos, end) or throws a TLibError naming the
 * offset, so no malformed input can read past the frame or make the caller
 * allocate more than the bytes that are really there.
 */
import { decodeError } from './errors.js';
import { hex64At } from './hex64.js';
import { latin1, readUtf8 } from './utf8.js';

export class BinaryReader {
  pos: number;
  /**
   * The frame's bytes as one string of one char per byte, made at its first
   * ASCII string: every ASCII string of the frame is then a substring of it
   * (one native call per frame instead of building each string, and no
   * per-string hashing as an intern table needs).
   */
  private chars: string | undefined = undefined;

  constructor(
    readonly buf: Uint8Array,
    pos: number,
    readonly end: number,
  ) {
    this.pos = pos;
  }

  /**
   * Unsigned LEB128, at most 5 bytes, at most 2^32-1, shortest form only.
   * `what` + `suffix` names the value in errors; the two are joined only when
   * throwing, so the hot path never builds a string.
   */
  varint(what: string, suffix = ''): number {
    const { buf, end } = this;
    const start = this.pos;
    let p = start;
    if (p >= end) throw decodeError('VALUE_OVERRUN', `${what}${suffix} runs past the end of the frame`, p);
    let b = buf[p++]!;
    if (b < 0x80) {
      this.pos = p;
      return b;
    }
    let value = b & 0x7f;
    let shift = 7;
    for (;;) {
      if (p >= end) throw decodeError('VALUE_OVERRUN', `${what}${suffix} runs past the end of the frame`, start);
      b = buf[p++]!;
      if (shift === 28 && b > 0x0f) throw decodeError('VARINT_INVALID', `${what}${suffix} is a varint above 2^32-1 or longer than 5 bytes`, start);
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    if (b === 0) throw decodeError('VARINT_INVALID', `${what}${suffix} is a varint not in its shortest form`, start);
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

  /** All 8 bytes are checked first: a value cut short is reported where it starts. */
  uint64(what: string): bigint {
    const p = this.need(8, what);
    const b = this.buf;
    const hi = ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
    const lo = ((b[p + 4]! << 24) | (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!) >>> 0;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** 8 bytes as 16 lowercase hex digits: how T-Library shows a ConnID. */
  hex64(what: string): string {
    return hex64At(this.buf, this.need(8, what));
  }

  /**
   * A length prefix, checked against `max` and the bytes left; leaves pos at
   * the first byte of the value. Lengths below 128 (nearly all of them) take
   * a one-byte fast path instead of the general varint loop.
   */
  private length(what: string, max: number): number {
    const at = this.pos;
    let len: number;
    if (at < this.end && this.buf[at]! < 0x80) {
      len = this.buf[at]!;
      this.pos = at + 1;
    } else {
      len = this.varint(what, ' length');
    }
    if (len > max) throw decodeError('LIMIT_EXCEEDED', `${what} of ${len} bytes exceeds the limit of ${max}`, at);
    if (len > this.end - this.pos) throw decodeError('VALUE_OVERRUN', `${what} needs ${len} bytes but the frame has ${this.end - this.pos} left`, this.pos);
    return len;
  }

  /**
   * Bytes [start, end) of the frame as a string: ASCII as a slice of the
   * frame's latin1 string, anything else through the UTF-8 decoder;
   * undefined when the bytes are not well-formed UTF-8.
   */
  text(start: number, end: number): string | undefined {
    const b = this.buf;
    let ascii = 0;
    for (let i = start; i < end; i++) ascii |= b[i]!;
    if (ascii >= 0x80) return readUtf8(b, start, end);
    return (this.chars ??= latin1(b, 0, this.end)).substring(start, end);
  }

  /** A length-prefixed UTF-8 string. */
  string(what: string, max: number): string {
    const len = this.length(what, max);
    const start = this.pos;
    this.pos = start + len;
    const s = this.text(start, start + len);
    if (s === undefined) throw decodeError('INVALID_UTF8', `${what} is not well-formed UTF-8`, start);
    return s;
  }

  /** A copy, so the message does not keep the (possibly large, possibly reused) input alive. */
  binary(what: string, max: number): Uint8Array {
    const len = this.length(what, max);
    const start = this.pos;
    this.pos = start + len;
    return this.buf.slice(start, start + len);
  }
}
