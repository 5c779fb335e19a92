/**
 * Unchecked writes into one scratch buffer, for the encoder's exact path
 * (src/codec/encode.ts), which measures the worst-case size of a message
 * first, starts the message with room for that (`begin`), and then writes
 * without a bounds check per byte. Its frames are never handed out, so one
 * buffer serves them all; one grown past KEEP_BYTES is dropped after use.
 */
import { writeUtf8 } from './utf8.js';
import { putInt32, putVarint } from './put.js';

const SCRATCH_BYTES = 16 * 1024;
/** A scratch buffer grown past this for one large message is dropped after it, not kept for the life of the process. */
const KEEP_BYTES = 1 << 20;

export class BinaryWriter {
  buf = new Uint8Array(SCRATCH_BYTES);
  pos = 0;

  /** Starts a frame of at most `bytes`; returns its first offset. */
  begin(bytes: number): number {
    if (bytes > this.buf.length) {
      let size = this.buf.length;
      while (size < bytes) size *= 2;
      this.buf = new Uint8Array(size);
    }
    this.pos = 0;
    return 0;
  }

  /** Forgets the frame (written in full or not). */
  abandon(): void {
    this.pos = 0;
    if (this.buf.length > KEEP_BYTES) this.buf = new Uint8Array(SCRATCH_BYTES);
  }

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  varint(v: number): void {
    this.pos = putVarint(this.buf, this.pos, v);
  }

  int32(v: number): void {
    putInt32(this.buf, this.pos, v);
    this.pos += 4;
  }

  /** A 32-bit big-endian word at `at`, leaving the position alone (the length prefix). */
  int32At(at: number, v: number): void {
    putInt32(this.buf, at, v);
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
