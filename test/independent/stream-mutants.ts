/**
 * Byte streams for the differential fuzz of the stream decoders: valid vectors and
 * mutants (whose length prefixes may be oversize, or cut by the end) concatenated
 * and cut into random chunks, sometimes with a small maxFrameBytes.
 */
import { mutant } from './mutants.js';
import { caseRandom } from './prng.js';

export interface StreamCase { index: number; chunks: string[]; maxFrameBytes?: number }

export function streamCase(seed: number, index: number, corpus: readonly string[]): StreamCase {
  const { pick } = caseRandom(seed, index, 1);
  const frames: string[] = [];
  const n = 1 + pick(6);
  for (let k = 0; k < n; k++) {
    frames.push(pick(3) === 0 ? mutant(seed, index * 8 + k, corpus).hex : corpus[pick(corpus.length)]!);
  }
  const whole = frames.join('');
  const chunks: string[] = [];
  for (let at = 0; at < whole.length; ) {
    const size = 1 + pick(pick(4) === 0 ? 200 : 12);
    chunks.push(whole.slice(at, at + 2 * size));
    at += 2 * size;
  }
  const out: StreamCase = { index, chunks };
  if (pick(5) === 0) out.maxFrameBytes = 1 + pick(80);
  return out;
}
