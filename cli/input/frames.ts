/**
 * Frames out of bytes: a stream of length-prefixed frames (binary, or hex
 * text) split one by one, so a frame that does not decode is reported with
 * its index and byte offset while the frames around it are still decoded.
 * Only a broken length prefix (too large, cut short) ends the stream, since
 * nothing after it can be found again.
 */
import { decode } from '../../src/codec/decode.js';
import { isTLibError, type TLibError } from '../../src/codec/errors.js';
import { DEFAULT_LIMITS } from '../../src/codec/limits.js';
import type { Message } from '../../src/codec/types.js';
import { InputError } from './errors.js';

const PREFIX = 4;

/** One frame of the input, decoded or not. */
export interface FrameResult {
  /** 1-based position in the input. */
  index: number;
  /** For people: "frame 2 (byte 40, line 3)" or 'vector 5 "message/EventACK"'. */
  where: string;
  /** Byte offset of the frame in a stream (absent for a vector, whose offsets count from its own first byte). */
  offset?: number;
  /** The frame's bytes, prefix included (absent when the stream broke before it could be cut). */
  bytes?: Uint8Array;
  message?: Message;
  error?: InputError;
}

/** Where byte offsets point for a person: the input's bytes, or a line of hex text too. */
interface Origin {
  lineOf?: (offset: number) => number;
}

function place(offset: number, origin: Origin): string {
  return origin.lineOf ? `byte ${offset}, line ${origin.lineOf(offset)}` : `byte ${offset}`;
}

/** The sentence for a codec error inside a frame that starts at byte `base` of a stream (the codec's offset counts from the frame). */
export function codecProblem(e: TLibError, where: string, base?: number): InputError {
  const at = e.offset === undefined || base === undefined ? '' : ` (byte ${base + e.offset} of the input)`;
  return new InputError('BAD_FRAME', `${where}: ${e.code}: ${e.message}${at}`);
}

function decodeOne(bytes: Uint8Array, where: string, base: number): Pick<FrameResult, 'message' | 'error'> {
  try {
    return { message: decode(bytes) };
  } catch (e) {
    if (!isTLibError(e)) throw e;
    return { error: codecProblem(e, where, base) };
  }
}

/** Splits and decodes a frame stream. */
export function decodeStreamBytes(bytes: Uint8Array, origin: Origin = {}, maxFrameBytes = DEFAULT_LIMITS.maxFrameBytes): FrameResult[] {
  const out: FrameResult[] = [];
  let off = 0;
  while (off < bytes.length) {
    const index = out.length + 1;
    const where = `frame ${index} (${place(off, origin)})`;
    const left = bytes.length - off;
    if (left < PREFIX) {
      out.push({ index, where, offset: off, error: new InputError('BAD_FRAME', `${where}: TRUNCATED: the input ends inside a length prefix (${left} of 4 bytes)`) });
      break;
    }
    const body = ((bytes[off]! << 24) | (bytes[off + 1]! << 16) | (bytes[off + 2]! << 8) | bytes[off + 3]!) >>> 0;
    if (body > maxFrameBytes) {
      out.push({ index, where, offset: off, error: new InputError('BAD_FRAME', `${where}: FRAME_TOO_LARGE: length prefix ${body} exceeds the maximum of ${maxFrameBytes} bytes; nothing after it can be read`) });
      break;
    }
    if (left < PREFIX + body) {
      out.push({ index, where, offset: off, error: new InputError('BAD_FRAME', `${where}: TRUNCATED: the input ends after ${left} of the frame's ${PREFIX + body} bytes`) });
      break;
    }
    const frame = bytes.subarray(off, off + PREFIX + body);
    out.push({ index, where, offset: off, bytes: frame, ...decodeOne(frame, where, off) });
    off += PREFIX + body;
  }
  return out;
}
