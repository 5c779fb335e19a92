/**
 * Unchecked writes into one reused buffer. The encoder measures the worst
 * case size of a message first (and validates it on the way), reserves that
 * once with `reserve`, and then writes without a bounds check per byte.
 */
import { writeUtf8 } from './utf8.js';

const INITIAL_BYTES = 16 * 1024;
/** A buffer grown past this for one large message is dropped after it, not kept for the life of the process. */
export const KEEP_BYTES = 1 << 20;

export class BinaryWriter {
  buf = new Uint8Array(INITIAL_BYTES);
  pos = 0;

  /** Makes room for `bytes` from the start; keeps nothing written before. */
  reserve(bytes: number): void {
    this.pos = 0;
    if (bytes > this.buf.length) {
      let size = this.buf.length;
      while (size < bytes) size *= 2;
      this.buf = new Uint8Array(size);
    }
  }

  /** Call when done with the bytes: lets go of a buffer grown past KEEP_BYTES. */
  release(): void {
    if (this.buf.length > KEEP_BYTES) this.buf = new Uint8Array(INITIAL_BYTES);
  }

  /** The bytes written so far, as a fresh array the caller owns. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  varint(v: number): void {
    const buf = this.buf;
    while (v > 0x7f) {
      buf[this.pos++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    buf[this.pos++] = v;
  }

  int32(v: number): void {
    const buf = this.buf;
    const p = this.pos;
    buf[p] = v >>> 24;
    buf[p + 1] = v >>> 16;
    buf[p + 2] = v >>> 8;
    buf[p + 3] = v;
    this.pos = p + 4;
  }

  uint64(v: bigint): void {
    this.int32(Number(v >> 32n));
    this.int32(Number(v & 0xffffffffn));
  }

  /**
   * 16 lowercase hex digits, already validated by the caller. Digit values
   * come from the char codes (no slice/parseInt per byte, which was 11% of
   * encoding a message with a ConnID).
   */
  hex64(hex: string): void {
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < 16; i += 2) buf[p++] = (hexDigit(hex.charCodeAt(i)) << 4) | hexDigit(hex.charCodeAt(i + 1));
    this.pos = p;
  }

  bytes(b: Uint8Array): void {
    this.varint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /**
   * Length-prefixed UTF-8. The prefix's size is guessed from the UTF-16
   * length (exact for ASCII, the common case); when the real byte length
   * needs a longer varint, the bytes are shifted right with copyWithin.
   * Returns false on a lone surrogate.
   */
  string(s: string): boolean {
    const guess = varintSize(s.length);
    const start = this.pos + guess;
    const end = writeUtf8(this.buf, start, s);
    if (end < 0) return false;
    const len = end - start;
    const real = varintSize(len);
    if (real !== guess) this.buf.copyWithin(this.pos + real, start, end);
    this.varint(len);
    this.pos += len;
    return true;
  }
}

/** '0'-'9' -> 0-9, 'a'-'f' -> 10-15 (input validated as lowercase hex). */
function hexDigit(c: number): number {
  return c <= 0x39 ? c - 0x30 : c - 0x57;
}

export function varintSize(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}
