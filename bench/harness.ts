/**
 * A small, honest timing harness: warm-up, then interleaved rounds (every
 * contender of a group runs once per round, in a shuffled order, so drift,
 * noise on this shared machine and the collector's leftovers hit all of
 * them alike), then medians.
 * Batches are timed in CPU time (cpuMs below).
 */
import { performance } from 'node:perf_hooks';
import { seededRandom, shuffled } from '../conformance/runner/random.js';

/**
 * The clock: CPU time of this process (user + system), in milliseconds.
 * The machine is shared and often loaded far beyond its 2 cores; wall time
 * then mostly measures how long the scheduler kept us waiting. CPU time
 * counts only the work done (GC threads included), so medians stay stable.
 */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface Case {
  readonly id: string;
  /** Runs the operation n times. */
  readonly run: (n: number) => void;
}

export interface Timing {
  readonly id: string;
  /** Median operations per second over the rounds. */
  readonly opsPerSec: number;
  /** Every round's ops/s, for the JSON output. */
  readonly rounds: number[];
}

export interface HarnessOptions {
  /** Target duration of one measured batch. */
  readonly batchMs: number;
  readonly rounds: number;
  readonly warmupMs: number;
}

/** Batch size so that one batch takes about `ms`. */
function calibrate(c: Case, ms: number): number {
  let n = 1;
  for (;;) {
    const t0 = cpuMs();
    c.run(n);
    const dt = cpuMs() - t0;
    if (dt >= ms / 4 || n >= 1 << 24) return Math.max(1, Math.round((n * ms) / Math.max(dt, 0.001)));
    n *= 2;
  }
}

/**
 * Each round runs the contenders in a new order, shuffled from this seed (the
 * same orders on every run). A rotated order kept the same neighbours in
 * every round: tlib-kit always ran right after @bufbuild/protobuf or
 * binary-parser, and its batches paid for their garbage (in one traced run
 * of `--only mixed`, the scavenges in tlib-kit's batches promoted 57 MB,
 * those in msgpackr's 0.2 MB). Shuffled, every contender follows every
 * other by chance, and the cost lands on no one in particular.
 */
const ORDER_SEED = 1;

export function measureGroup(cases: readonly Case[], o: HarnessOptions): Timing[] {
  // Warm-up: every contender runs until the optimizing compiler has seen it.
  for (const c of cases) {
    const end = performance.now() + o.warmupMs;
    while (performance.now() < end) c.run(64);
  }
  const sizes = cases.map((c) => calibrate(c, o.batchMs));
  const samples: number[][] = cases.map(() => []);
  const random = seededRandom(ORDER_SEED);
  const indices = cases.map((_, i) => i);
  for (let r = 0; r < o.rounds; r++) {
    for (const i of shuffled(indices, random)) {
      const n = sizes[i]!;
      const t0 = cpuMs();
      cases[i]!.run(n);
      const dt = cpuMs() - t0;
      samples[i]!.push((n * 1000) / dt);
    }
  }
  return cases.map((c, i) => ({ id: c.id, opsPerSec: median(samples[i]!), rounds: samples[i]! }));
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The deep walk every decoder's result goes through, the same for all:
 * every string, number and byte array is read, every array and object is
 * iterated. Returns a number so the work cannot be optimized away.
 */
export function walk(v: unknown): number {
  if (typeof v === 'string') return readString(v);
  if (typeof v === 'number') return v | 0;
  if (typeof v !== 'object' || v === null) return 1;
  if (Array.isArray(v)) {
    // Strings and numbers are read here rather than by a recursive call:
    // the same reads, a third of the calls (most elements are primitives).
    let s = 0;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      s += typeof x === 'string' ? readString(x) : typeof x === 'number' ? x | 0 : walk(x);
    }
    return s;
  }
  if (v instanceof Uint8Array) {
    let s = v.length;
    for (let i = 0; i < v.length; i++) s += v[i]!;
    return s;
  }
  // Own properties only: protobufjs keeps defaults and its type (a cyclic graph) on the prototype.
  let s = 0;
  const o = v as Record<string, unknown>;
  for (const k in o) if (Object.hasOwn(o, k)) s += k.length + walk(o[k]);
  return s;
}

function readString(x: string): number {
  return x.length === 0 ? 1 : x.length + x.charCodeAt(0) + x.charCodeAt(x.length - 1);
}

/** Keeps results alive so the optimizer cannot drop the work. */
export let sink = 0;
export function consume(x: number): void {
  sink = (sink + x) | 0;
}
