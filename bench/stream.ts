/**
 * The stream decoder over a large buffer of the mixed traffic (traffic.ts),
 * cut into chunks at random points the way socket reads arrive:
 * FrameDecoder.push, then decode() and the deep walk of every message.
 * Values vary from frame to frame (keys stay, as in real traffic), so no
 * decoder-side cache sees one frame twice.
 * Timed in CPU time, like the codec table (harness.ts).
 */
import { seededRandom } from '../conformance/runner/random.js';
import { decode, encode, FrameDecoder } from '../src/index.js';
import { consume, cpuMs, median, walk } from './harness.js';
import { buildTraffic } from './traffic.js';

export interface StreamResult {
  bytes: number;
  frames: number;
  chunks: number;
  framingMBps: number;
  decodeMBps: number;
  decodeFramesPerSec: number;
}

/** The benchmark's input: mixed frames cut into chunks (deterministic). */
export function buildStream(targetBytes: number): { chunks: Uint8Array[]; total: number; frames: number } {
  const rand = seededRandom(7);
  const frames: Uint8Array[] = [];
  let total = 0;
  // Batches of traffic, each with its own seed, until the target size.
  for (let seed = 1; total < targetBytes; seed++) {
    for (const m of buildTraffic(1024, seed).messages) {
      const f = encode(m, { allowObsolete: true });
      frames.push(f);
      total += f.length;
    }
  }
  const buf = new Uint8Array(total);
  let off = 0;
  for (const f of frames) {
    buf.set(f, off);
    off += f.length;
  }
  // Chunk sizes log-uniform between 16 bytes and 64 KiB.
  const chunks: Uint8Array[] = [];
  for (let p = 0; p < total; ) {
    const size = Math.round(16 * 4096 ** rand());
    chunks.push(buf.subarray(p, Math.min(total, p + size)));
    p += size;
  }
  return { chunks, total, frames: frames.length };
}

/** FrameDecoder + decode + deep walk over every chunk; returns the number of messages. */
export function decodeChunks(chunks: readonly Uint8Array[]): number {
  const fd = new FrameDecoder();
  let n = 0;
  for (const c of chunks) {
    const fs = fd.push(c);
    for (let i = 0; i < fs.length; i++) {
      consume(walk(decode(fs[i]!)));
      n++;
    }
  }
  fd.end();
  return n;
}

export function runStream(quick: boolean): StreamResult {
  const { chunks, total, frames } = buildStream(quick ? 4 << 20 : 16 << 20);
  const framing = (): number => {
    const fd = new FrameDecoder();
    let n = 0;
    for (const c of chunks) n += fd.push(c).length;
    fd.end();
    return n;
  };
  const decoding = () => decodeChunks(chunks);
  if (framing() !== frames || decoding() !== frames) throw new Error('stream: frame count mismatch');
  const rounds = quick ? 3 : 9;
  const fr: number[] = [];
  const de: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t0 = cpuMs();
    framing();
    fr.push(total / 1e3 / (cpuMs() - t0));
    t0 = cpuMs();
    decoding();
    de.push(total / 1e3 / (cpuMs() - t0));
  }
  const result: StreamResult = {
    bytes: total,
    frames,
    chunks: chunks.length,
    framingMBps: median(fr),
    decodeMBps: median(de),
    decodeFramesPerSec: (median(de) * 1e6 * frames) / total,
  };
  console.log(`\nstream: ${(total / 1e6).toFixed(1)} MB, ${frames} frames of the mixed traffic, ${chunks.length} chunks of 16 B..64 KiB`);
  console.log(`  FrameDecoder only           ${result.framingMBps.toFixed(0).padStart(7)} MB/s`);
  console.log(`  FrameDecoder+decode+walk    ${result.decodeMBps.toFixed(0).padStart(7)} MB/s  (${Math.round(result.decodeFramesPerSec).toLocaleString('en-US')} frames/s)  target >= 300 MB/s ${result.decodeMBps >= 300 ? 'ok' : 'MISS'}`);
  return result;
}
