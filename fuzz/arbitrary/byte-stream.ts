/**
 * A byte stream of several canonical frames cut into chunks at random
 * points: single bytes, cuts inside length prefixes, several frames in one
 * chunk, empty chunks.
 */
import fc from 'fast-check';
import { canonicalFrameArb } from './canonical-frame.js';

export interface ChunkedStream {
  frames: Uint8Array[];
  chunks: Uint8Array[];
}

export function chunkedStreamArb(maxFrames = 5): fc.Arbitrary<ChunkedStream> {
  const frames = fc.array(canonicalFrameArb({ kv: { maxDepth: 3, maxPairs: 4 } }), { minLength: 1, maxLength: maxFrames });
  return frames.chain((fs) => {
    const total = fs.reduce((n, f) => n + f.length, 0);
    const stream = new Uint8Array(total);
    let at = 0;
    for (const f of fs) {
      stream.set(f, at);
      at += f.length;
    }
    const cuts = fc.oneof(
      { arbitrary: fc.array(fc.integer({ min: 0, max: total }), { maxLength: 24 }), weight: 4 },
      // Every byte alone, for small streams.
      { arbitrary: fc.constant(total <= 4096 ? Array.from({ length: total + 1 }, (_, i) => i) : [0, total]), weight: 1 },
    );
    return cuts.map((c) => {
      const points = [...c].sort((x, y) => x - y);
      const chunks: Uint8Array[] = [];
      let from = 0;
      for (const p of [...points, total]) {
        chunks.push(stream.subarray(from, Math.max(from, p)));
        from = Math.max(from, p);
      }
      return { frames: fs, chunks };
    });
  });
}
