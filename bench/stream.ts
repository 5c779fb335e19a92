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
  /** FrameDecoder + decode, the messages not read. */
  unwalkedMBps: number;
  /** FrameDecoder + decode + the deep walk: the figure the target judges. */
  decodeMBps: number;
  decodeFramesPerSec: number;
}

/** The stream target, in MB/s (FrameDecoder + decode + walk). */
export const STREAM_TARGET_MBPS = 300;

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

/** FrameDecoder + decode (+ the deep walk unless `walked` is false) over every chunk; returns the number of messages. */
export function decodeChunks(chunks: readonly Uint8Array[], walked = true): number {
  const fd = new FrameDecoder();
  let n = 0;
  for (const c of chunks) {
    const fs = fd.push(c);
    for (let i = 0; i < fs.length; i++) {
      const m = decode(fs[i]!);
      consume(walked ? walk(m) : 1);
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
  const stages = [framing, () => decodeChunks(chunks, false), () => decodeChunks(chunks)];
  if (stages.some((run) => run() !== frames)) throw new Error('stream: frame count mismatch');
  const rounds = quick ? 3 : 9;
  const rates: number[][] = stages.map(() => []);
  for (let r = 0; r < rounds; r++) {
    stages.forEach((run, i) => {
      const t0 = cpuMs();
      run();
      rates[i]!.push(total / 1e3 / (cpuMs() - t0));
    });
  }
  const [framingMBps, unwalkedMBps, decodeMBps] = rates.map(median) as [number, number, number];
  const result: StreamResult = { bytes: total, frames, chunks: chunks.length, framingMBps, unwalkedMBps, decodeMBps, decodeFramesPerSec: (decodeMBps * 1e6 * frames) / total };
  printStream(result);
  return result;
}

function printStream(r: StreamResult): void {
  const perFrame = r.bytes / r.frames;
  /** Nanoseconds a frame at a rate in MB/s. */
  const ns = (mbps: number) => (perFrame * 1e3) / mbps;
  const [framing, decode, walk] = [ns(r.framingMBps), ns(r.unwalkedMBps) - ns(r.framingMBps), ns(r.decodeMBps) - ns(r.unwalkedMBps)];
  const row = (what: string, mbps: number, extra = '') => console.log(`  ${what.padEnd(28)}${mbps.toFixed(0).padStart(7)} MB/s  ${ns(mbps).toFixed(0).padStart(5)} ns a frame${extra}`);
  console.log(`\nstream: ${(r.bytes / 1e6).toFixed(1)} MB, ${r.frames} frames of the mixed traffic (${perFrame.toFixed(0)} B a frame), ${r.chunks} chunks of 16 B..64 KiB`);
  row('FrameDecoder only', r.framingMBps);
  row('FrameDecoder+decode', r.unwalkedMBps);
  row('FrameDecoder+decode+walk', r.decodeMBps, `  (${Math.round(r.decodeFramesPerSec).toLocaleString('en-US')} frames/s)  target >= ${STREAM_TARGET_MBPS} MB/s ${r.decodeMBps >= STREAM_TARGET_MBPS ? 'ok' : 'MISS'}`);
  const budget = ns(STREAM_TARGET_MBPS);
  console.log(
    `  per frame: framing ${framing.toFixed(0)} ns, decode ${decode.toFixed(0)} ns, walk ${walk.toFixed(0)} ns; ${STREAM_TARGET_MBPS} MB/s allows ${budget.toFixed(0)} ns, ` +
      `which leaves decode ${(budget - framing - walk).toFixed(0)} ns; a decoder taking no time would give ${((perFrame * 1e3) / (framing + walk)).toFixed(0)} MB/s`,
  );
}
