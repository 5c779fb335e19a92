/**
 * Every way a frame goes through the codec. The shared checks run on each
 * path, so a property written once holds for decode(), the streaming
 * FrameDecoder at any chunking, the JSON form and re-encoding. (The
 * independent binary-parser oracle has its own property, oracle-agrees.)
 */
import { decode, encode, FrameDecoder, fromJSON, toJSON, type Message } from '../../src/index.js';

interface CodecPath {
  readonly name: string;
  /** Frame -> message along this path (throws what the path throws). */
  decode(frame: Uint8Array): Message;
}

function viaFrameDecoder(frame: Uint8Array, cut: (n: number) => number[]): Message {
  const d = new FrameDecoder();
  const out: Uint8Array[] = [];
  let from = 0;
  for (const to of [...cut(frame.length), frame.length]) {
    out.push(...d.push(frame.subarray(from, to)));
    from = to;
  }
  d.end();
  if (out.length !== 1) throw new Error(`FrameDecoder yielded ${out.length} frames from one frame`);
  return decode(out[0]!);
}

export const CODEC_PATHS: CodecPath[] = [
  { name: 'decode', decode: (f) => decode(f) },
  { name: 'frame-decoder, one chunk', decode: (f) => viaFrameDecoder(f, () => []) },
  { name: 'frame-decoder, byte by byte', decode: (f) => viaFrameDecoder(f, (n) => Array.from({ length: Math.min(n, 2048) }, (_, i) => i + 1).filter((i) => i < n)) },
  { name: 'frame-decoder, halves', decode: (f) => viaFrameDecoder(f, (n) => [3, n >> 1].filter((i) => i < n)) },
  { name: 'json form', decode: (f) => fromJSON(JSON.parse(JSON.stringify(toJSON(decode(f))))) },
  { name: 're-encode', decode: (f) => decode(encode(decode(f), { allowObsolete: true })) },
];
