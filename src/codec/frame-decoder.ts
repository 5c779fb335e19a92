/**
 * Splits a byte stream (TCP, a pipe, a file) into whole frames, whatever
 * the chunking. Frames that lie inside one chunk are returned as views of
 * it (no copy); a frame split across chunks is assembled in its own buffer,
 * grown as its bytes actually arrive, so a peer that announces a large frame
 * and sends nothing costs nothing. At most one frame (<= maxFrameBytes + 4)
 * is ever buffered. What it returns does not depend on the chunking: the
 * frames before an oversize length prefix are returned whether or not they
 * share a chunk with it, and the error comes after them.
 */
import { decode, type DecodeOptions } from './decode.js';
import { decodeError, type TLibError } from '../wire/errors.js';
import { resolveLimits, type Limits } from './limits.js';
import type { Message } from './types.js';

const PREFIX = 4;
const FIRST_ASSEMBLY = 4096;

export class FrameDecoder {
  private readonly maxFrameBytes: number;
  /** Bytes of the partial frame so far (its prefix included). */
  private partial = new Uint8Array(0);
  private have = 0;
  /** Total size of the partial frame, once its prefix is known; 0 before. */
  private want = 0;
  /** Stream offset of the first byte of the partial frame, for error offsets. */
  private consumed = 0;
  private failure: TLibError | undefined;

  constructor(limits?: Partial<Limits>) {
    this.maxFrameBytes = resolveLimits(limits).maxFrameBytes;
  }

  /** Bytes held for a frame not yet complete. */
  get pending(): number {
    return this.have;
  }

  /** Stream offset of the frame not yet complete (meaningful while `pending` > 0): tells one partial frame from the next. */
  get pendingOffset(): number {
    return this.consumed;
  }

  /**
   * The TLibError FRAME_TOO_LARGE the stream failed with (its offset is the
   * bad prefix's, in the stream), once it has; the stream cannot be
   * resynchronised after that.
   */
  get error(): TLibError | undefined {
    return this.failure;
  }

  /**
   * Adds a chunk; returns every frame it completes, each with its prefix.
   * On an oversize length prefix it fails: the frames before it are still
   * returned (check `error` after using them), and this and every later
   * call with no frame to return throws the error.
   */
  push(chunk: Uint8Array): Uint8Array[] {
    if (this.failure) throw this.failure;
    const frames: Uint8Array[] = [];
    let off = 0;
    if (this.have > 0) {
      off = this.fill(chunk, 0);
      if (this.failure) return this.failed(frames);
      if (this.want === 0 || this.have < this.want) return frames;
      frames.push(this.partial.subarray(0, this.want));
      this.consumed += this.want;
      this.reset();
    }
    while (chunk.length - off >= PREFIX) {
      const size = this.frameSize(chunk, off);
      if (size < 0) return this.failed(frames);
      if (chunk.length - off < size) break;
      frames.push(chunk.subarray(off, off + size));
      off += size;
      this.consumed += size;
    }
    if (off < chunk.length) this.fill(chunk, off);
    return this.failure ? this.failed(frames) : frames;
  }

  private failed(frames: Uint8Array[]): Uint8Array[] {
    this.reset();
    if (frames.length === 0) throw this.failure!;
    return frames;
  }

  /** Call at end of stream: throws TRUNCATED if a partial frame is left. */
  end(): void {
    if (this.failure) throw this.failure;
    if (this.have > 0) {
      throw decodeError('TRUNCATED', `stream ended ${this.want ? `after ${this.have} of a ${this.want}-byte frame` : `inside a length prefix (${this.have} of 4 bytes)`}`, this.consumed + this.have);
    }
  }

  /** The frame's total size from its prefix at `off`; -1 (and `failure` set) when it is too large. */
  private frameSize(buf: Uint8Array, off: number): number {
    const body = ((buf[off]! << 24) | (buf[off + 1]! << 16) | (buf[off + 2]! << 8) | buf[off + 3]!) >>> 0;
    if (body > this.maxFrameBytes) {
      this.failure = decodeError('FRAME_TOO_LARGE', `frame length ${body} exceeds the maximum of ${this.maxFrameBytes} bytes`, this.consumed);
      return -1;
    }
    return PREFIX + body;
  }

  /** Appends bytes from chunk[off..] to the partial frame, up to its end; returns the new offset. */
  private fill(chunk: Uint8Array, off: number): number {
    if (this.want === 0) {
      const take = Math.min(PREFIX - this.have, chunk.length - off);
      this.append(chunk.subarray(off, off + take));
      off += take;
      if (this.have < PREFIX) return off;
      const size = this.frameSize(this.partial, 0);
      if (size < 0) return off;
      this.want = size;
    }
    const take = Math.min(this.want - this.have, chunk.length - off);
    this.append(chunk.subarray(off, off + take));
    return off + take;
  }

  private append(bytes: Uint8Array): void {
    const need = this.have + bytes.length;
    if (need > this.partial.length) {
      const cap = this.want || PREFIX;
      const next = new Uint8Array(Math.min(Math.max(need, this.partial.length * 2, Math.min(FIRST_ASSEMBLY, cap)), Math.max(cap, need)));
      next.set(this.partial.subarray(0, this.have));
      this.partial = next;
    }
    this.partial.set(bytes, this.have);
    this.have = need;
  }

  private reset(): void {
    this.partial = new Uint8Array(0);
    this.have = 0;
    this.want = 0;
  }
}

/** Decodes a stream of chunks (a socket, a file stream) into messages. */
export async function* decodeStream(source: AsyncIterable<Uint8Array>, options?: DecodeOptions): AsyncGenerator<Message> {
  const frames = new FrameDecoder(options?.limits);
  for await (const chunk of source) {
    for (const frame of frames.push(chunk)) yield decode(frame, options);
    if (frames.error) throw frames.error;
  }
  frames.end();
}
