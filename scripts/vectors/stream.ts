/**
 * Byte streams for a stream decoder (FrameDecoder): `chunks` are pushed in
 * order, then the stream ends. The decoder MUST return exactly `frames`
 * (whole frames, prefix included) and then, if `error` is set, fail with it:
 * at its stream offset, after returning every frame before it, however the
 * bytes were chunked. Written by hand; the build runs each through
 * FrameDecoder and stops if it disagrees.
 */
import { commentedHex } from './commented-hex.js';

export interface StreamSource {
  name: string;
  /** Commented hex of each chunk. */
  chunks: string[];
  maxFrameBytes?: number;
  /** Hex of each frame returned, in order. */
  frames: string[];
  error?: { code: 'FRAME_TOO_LARGE' | 'TRUNCATED'; offset: number };
}

/** EventUserEvent (0x60) with ThisDN (0x14) "7001": 11 bytes. */
const F1 = '00 00 00 07 60 14 03 37 30 30 31';
/** EventACK (138: 0x8a 0x01) with ReferenceID (02) 5: 12 bytes. */
const F2 = '00 00 00 08 8a 01 02 01 00 00 00 05';
const OVERSIZE = '00 10 00 01'; // body length 1,048,577: one above the default maxFrameBytes
const h = (...parts: string[]) => commentedHex(parts.join(' '));

export const STREAM_VECTORS: StreamSource[] = [
  { name: 'two-frames-one-chunk', chunks: [h(F1, F2)], frames: [h(F1), h(F2)] },
  { name: 'split-inside-a-length-prefix', chunks: [h('00 00'), h('00 07 60 14 03 37 30 30 31', F2)], frames: [h(F1), h(F2)] },
  { name: 'split-inside-a-body', chunks: [h('00 00 00 07 60 14'), h('03 37 30'), h('30 31')], frames: [h(F1)] },
  { name: 'one-byte-chunks', chunks: h(F1).match(/../g)!, frames: [h(F1)] },
  { name: 'empty-body-is-a-frame', chunks: [h('00 00 00 00', F1)], frames: [h('00 00 00 00'), h(F1)] },
  {
    name: 'oversize-prefix-after-a-frame-in-one-chunk',
    chunks: [h(F1, OVERSIZE)],
    frames: [h(F1)],
    error: { code: 'FRAME_TOO_LARGE', offset: 11 },
  },
  {
    name: 'oversize-prefix-after-a-frame-in-the-next-chunk',
    chunks: [h(F1), h(OVERSIZE)],
    frames: [h(F1)],
    error: { code: 'FRAME_TOO_LARGE', offset: 11 },
  },
  {
    name: 'oversize-prefix-split-over-two-chunks',
    chunks: [h(F1, '00 10'), h('00 01 60')],
    frames: [h(F1)],
    error: { code: 'FRAME_TOO_LARGE', offset: 11 },
  },
  {
    name: 'oversize-prefix-between-frames',
    chunks: [h(F1, F2, OVERSIZE, F1)],
    frames: [h(F1), h(F2)],
    error: { code: 'FRAME_TOO_LARGE', offset: 23 },
  },
  { name: 'at-maxFrameBytes', chunks: [h(F1)], maxFrameBytes: 7, frames: [h(F1)] },
  { name: 'above-maxFrameBytes', chunks: [h(F1)], maxFrameBytes: 6, frames: [], error: { code: 'FRAME_TOO_LARGE', offset: 0 } },
  { name: 'ends-inside-a-length-prefix', chunks: [h(F1, '00 00')], frames: [h(F1)], error: { code: 'TRUNCATED', offset: 13 } },
  { name: 'ends-inside-a-body', chunks: [h(F1, '00 00 00 07 60 14')], frames: [h(F1)], error: { code: 'TRUNCATED', offset: 17 } },
  {
    // TRUNCATED is at the count of every byte received, however many chunks brought the cut frame.
    name: 'truncated-offset-counts-every-byte-received',
    chunks: [h(F1), h('00 00 00 07 60'), h('14 03')],
    frames: [h(F1)],
    error: { code: 'TRUNCATED', offset: 18 },
  },
  {
    // After FRAME_TOO_LARGE the stream is dead: the whole frame in the next chunk is not returned.
    name: 'no-frame-after-an-oversize-prefix',
    chunks: [h(F1, OVERSIZE), h(F2)],
    frames: [h(F1)],
    error: { code: 'FRAME_TOO_LARGE', offset: 11 },
  },
  { name: 'ends-right-after-a-frame', chunks: [h(F1, F2)], frames: [h(F1), h(F2)] },
];
