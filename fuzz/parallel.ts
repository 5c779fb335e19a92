/**
 * Runs a fuzz campaign on several seed streams at once, one worker thread
 * each, and joins their results: runs add up per property, the first
 * failure of a property is reported once (the other workers are told to
 * stop that property through a shared flag), with its replay command.
 */
import { Worker } from 'node:worker_threads';
import { ALL_PROPERTIES } from './properties/index.js';
import { setLiveTarget, type LiveTarget } from './properties/server.js';
import { failureLines, runFuzz, type FuzzFailure, type FuzzSummary, type PropertyStats } from './runner.js';

export interface FuzzStream {
  index: number;
  seed: number;
  /** The live-server property's target for this stream (undefined: its own embedded simulator). */
  target?: LiveTarget;
  /** Words for the replay command (target, backup, DNs). */
  replayWords: string[];
}

export interface StreamRunOptions {
  propertyNames: string[];
  timeSeconds: number;
  corpusDir: string;
  reportEveryMs: number;
  streams: FuzzStream[];
  baseSeed: number;
  out(line: string): void;
  /** Where progress lines go; `out` when absent. */
  progress?(line: string): void;
}

/** What one stream's worker is given. */
export interface StreamWork {
  stream: FuzzStream;
  slot: number;
  propertyNames: string[];
  timeSeconds: number;
  corpusDir: string;
  reportEveryMs: number;
  stopFlags: SharedArrayBuffer;
}

export type FromStream = { type: 'line'; line: string } | { type: 'progress'; line: string } | { type: 'failure'; failure: FuzzFailure } | { type: 'done'; summary: FuzzSummary };

const propertiesNamed = (names: readonly string[]) => ALL_PROPERTIES.filter((p) => names.includes(p.name));

export async function runStreams(o: StreamRunOptions): Promise<FuzzSummary> {
  if (o.streams.length === 1) {
    const [s] = o.streams as [FuzzStream];
    setLiveTarget(s.target);
    try {
      const summary = await runFuzz({ properties: propertiesNamed(o.propertyNames), timeSeconds: o.timeSeconds, seed: s.seed, corpusDir: o.corpusDir, reportEveryMs: o.reportEveryMs, replayWords: s.replayWords, out: o.out, ...(o.progress ? { progress: o.progress } : {}) });
      return { ...summary, baseSeed: o.baseSeed };
    } finally {
      setLiveTarget(undefined);
    }
  }
  const stopFlags = new SharedArrayBuffer(4 * o.propertyNames.length);
  const flags = new Int32Array(stopFlags);
  const failures: FuzzFailure[] = [];
  o.out(`fuzz: ${o.streams.length} workers, base seed ${o.baseSeed}, streams ${o.streams.map((s) => `${s.index} (seed ${s.seed})`).join(', ')}`);
  const summaries = await Promise.all(
    o.streams.map(
      (stream, slot) =>
        new Promise<FuzzSummary>((resolve, reject) => {
          const work: StreamWork = { stream, slot, propertyNames: o.propertyNames, timeSeconds: o.timeSeconds, corpusDir: o.corpusDir, reportEveryMs: o.reportEveryMs, stopFlags };
          // The compiled stream-worker.js beside this file: threads run the built kit (dist/), as the CLI does.
          const worker = new Worker(new URL('./stream-worker.js', import.meta.url), { workerData: work });
          let summary: FuzzSummary | undefined;
          worker.on('message', (m: FromStream) => {
            if (m.type === 'line') o.out(`[worker ${slot}] ${m.line}`);
            else if (m.type === 'progress') (o.progress ?? o.out)(`[worker ${slot}] ${m.line}`);
            else if (m.type === 'done') {
              // Its work is done: what the thread still holds (sockets closing, timers) must not hold up the run.
              summary = m.summary;
              void worker.terminate();
            } else {
              const i = o.propertyNames.indexOf(m.failure.property);
              if (Atomics.exchange(flags, i, 1) === 1) return;
              failures.push(m.failure);
              for (const line of failureLines(m.failure)) o.out(line);
            }
          });
          worker.once('error', reject);
          worker.once('exit', (code) => (summary ? resolve(summary) : reject(new Error(`fuzz worker ${slot} exited with code ${code} before its summary`))));
        }),
    ),
  );
  // Fuzzing time, from each worker's first slice to its last (thread start-up is not fuzzing).
  return { stats: joinStats(o.propertyNames, summaries), failures, elapsedMs: Math.max(...summaries.map((s) => s.elapsedMs)), baseSeed: o.baseSeed };
}

/** Runs add up; time is the mean per worker, so runs/time is the campaign's rate on all workers together. */
function joinStats(names: readonly string[], summaries: readonly FuzzSummary[]): PropertyStats[] {
  return names.map((name) => {
    const mine = summaries.map((s) => s.stats.find((x) => x.name === name)!);
    return { name, runs: mine.reduce((n, x) => n + x.runs, 0), ms: mine.reduce((n, x) => n + x.ms, 0) / summaries.length, failed: mine.some((x) => x.failed) };
  });
}
