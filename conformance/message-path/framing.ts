/**
 * The framing and decode stages of a received byte stream, for every reader
 * of one: chunks in, each whole frame out with its message or the reason it
 * could not be decoded, and the end of the stream when it cannot be framed
 * (after the frames before the bad length prefix, which were sent whole).
 */
import { decode } from '../../src/codec/decode.js';
import { FrameDecoder } from '../../src/codec/frame-decoder.js';
import { isTLibError } from '../../src/wire/errors.js';
import type { Message } from '../../src/codec/types.js';

export interface FramingStages {
  message(frame: Uint8Array, message: Message): void;
  undecodable(frame: Uint8Array, why: string): void;
  /** The stream cannot be framed; nothing after this is read. */
  unreadable(why: string): void;
  /** False once the reader is done: the rest of the chunk is dropped. */
  reading(): boolean;
}

/** A function to give each chunk to. */
export function framing(s: FramingStages): (chunk: Uint8Array) => void {
  const frames = new FrameDecoder();
  const unreadable = (e: unknown): void => s.unreadable(e instanceof Error ? e.message : String(e));
  return (chunk) => {
    if (!s.reading()) return;
    let list: Uint8Array[];
    try {
      list = frames.push(chunk);
    } catch (e) {
      unreadable(e);
      return;
    }
    for (const frame of list) {
      if (!s.reading()) return;
      let message: Message;
      try {
        message = decode(frame);
      } catch (e) {
        s.undecodable(frame, isTLibError(e) ? `${e.code}: ${e.message}` : String(e));
        continue;
      }
      s.message(frame, message);
    }
    if (frames.error && s.reading()) unreadable(frames.error);
  };
}
