/**
 * Unchecked writes into one buffer at a time. The encoder measures the
 * worst-case size of a message first (and validates it on the way), starts
 * the message with room for that (`begin`), and then writes without a
 * bounds check per byte.
 *
 * Where the bytes go: frames whose worst case is at most POOLED_MAX are
 * written into a shared pool buffer and returned as views of it, each over
 * bytes no other frame uses, the way Node's Buffer pools small buffers.
 * Allocating a fresh ArrayBuffer for each frame (`slice`) was a third of
 * encoding the mixed traffic: about 500 ns against 30 ns for a view. Larger
 * frames are written into a scratch buffer and copied out, so no pool is
 * ever held alive by one large frame; a scratch buffer grown past
 * KEEP_BYTES for one message is dropped after it.
 */
import { writeUtf8 } from './utf8.js';

/** Size of one pool buffer; a frame kept by the caller keeps at most this much alive. */
const POOL_BYTES = 32 * 1024;
/** Frames whose worst-case size exceeds this are not pooled. */
export const POOLED_MAX = 4 * 1024;
const SCRATCH_BYTES = 16 * 1024;
/** A scratch buffer grown past this for one large message is dropped after it, not kept for the life of the process. */
export const KEEP_BYTES = 1 << 20;

export class BinaryWriter {
  /** The buffer being written: the pool, the scratch buffer or a caller's buffer. */
  buf: Uint8Array;
  pos = 0;
  private pool = new Uint8Array(POOL_BYTES);
  /** First byte of the pool that no returned frame covers. */
  private poolFree = 0;
  private scratch = new Uint8Array(SCRATCH_BYTES);

  constructor() {
    this.buf = this.pool;
  }

  /**
   * Starts a frame of at most `bytes`; returns its first offset. A pool that
   * the caller detached (transferred a frame's `.buffer`) has length 0 and
   * is replaced like a full one.
   */
  begin(bytes: number): number {
    if (bytes <= POOLED_MAX) {
      if (this.pool.length - this.poolFree < bytes) {
        this.pool = new Uint8Array(POOL_BYTES);
        this.poolFree = 0;
      }
      this.buf = this.pool;
      this.pos = this.poolFree;
    } else {
      if (bytes > this.scratch.length) {
        let size = this.scratch.length;
        while (size < bytes) size *= 2;
        this.scratch = new Uint8Array(size);
      }
      this.buf = this.scratch;
      this.pos = 0;
    }
    return this.pos;
  }

  /** Writes into `buffer` from `offset` on; the caller guarantees room for the worst case. */
  beginInto(buffer: Uint8Array, offset: number): void {
    this.buf = buffer;
    this.pos = offset;
  }

  /**
   * The frame written since `start`, as an array the caller may keep: a view
   * of the pool (whose bytes are then never written again) or a fresh copy.
   */
  finish(start: number): Uint8Array {
    const buf = this.buf;
    const end = this.pos;
    this.buf = this.pool;
    if (buf === this.pool) {
      this.poolFree = end;
      return buf.subarray(start, end);
    }
    const out = buf.slice(start, end);
    this.release();
    return out;
  }

  /** Forgets a frame that failed half way (also after writing into a caller's buffer). */
  abandon(): void {
    this.buf = this.pool;
    this.pos = this.poolFree;
    this.release();
  }

  private release(): void {
    if (this.scratch.length > KEEP_BYTES) this.scratch = new Uint8Array(SCRATCH_BYTES);
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

  /** A 32-bit big-endian word at `at`, leaving the position alone (the length prefix). */
  int32At(at: number, v: number): void {
    const buf = this.buf;
    buf[at] = v >>> 24;
    buf[at + 1] = v >>> 16;
    buf[at + 2] = v >>> 8;
    buf[at + 3] = v;
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
