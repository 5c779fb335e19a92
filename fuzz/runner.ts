/**
 * The long-run fuzzer behind `tlib-kit fuzz`: runs the properties round
 * robin in time slices with fresh random seeds until the budget is spent,
 * prints runs/s per property, and on a failure prints the seed and path that
 * replay it and saves the input under the corpus directory.
 */
import fc from 'fast-check';
import { saveCorpusEntry } from './corpus.js';
import type { FuzzProperty } from './properties/index.js';

export interface FuzzRunOptions {
  properties: FuzzProperty[];
  /** Time budget in seconds. */
  timeSeconds: number;
  /** Runs of each property at most: a budget that does not depend on how fast the machine is. */
  maxRuns?: number;
  /** Base seed: slice i of property j runs with a seed derived from it. Random when absent. */
  seed?: number;
  /** Replay one failure: with `seed`, runs the single property from this path. */
  path?: string;
  corpusDir: string;
  /** Progress lines every this many ms (0: none). */
  reportEveryMs: number;
  /** Longest slice of one property before the next one runs. */
  sliceMs?: number;
  /** Words the replay command needs besides property, seed and path (the target and its DNs). */
  replayWords?: readonly string[];
  /** True once another worker found this property failing: it stops here too, so a failure is reported once. */
  stopped?(property: string): boolean;
  /** Takes each failure instead of printing it (a worker hands it to the parent). */
  onFailure?(failure: FuzzFailure): void;
  out(line: string): void;
  /** Where progress lines go (the CLI: standard error); `out` when absent. */
  progress?(line: string): void;
}

export interface PropertyStats {
  name: string;
  runs: number;
  ms: number;
  failed: boolean;
}

export interface FuzzFailure {
  property: string;
  seed: number;
  path: string;
  error: string;
  counterexample: string;
  /** The command that runs this counterexample again, against the same target. */
  replay: string;
  corpusFile?: string;
}

export interface FuzzSummary {
  stats: PropertyStats[];
  failures: FuzzFailure[];
  elapsedMs: number;
  baseSeed: number;
}

function rate(runs: number, ms: number): string {
  return ms > 0 ? `${Math.round((runs * 1000) / ms)}/s` : '-';
}

function firstLines(text: string, n: number): string {
  return text.split('\n').slice(0, n).join('\n');
}

async function runSlice(p: FuzzProperty, params: fc.Parameters<[unknown]>): Promise<fc.RunDetails<[unknown]>> {
  const arb = p.arbitrary();
  if (p.async) return fc.check(fc.asyncProperty(arb, async (x) => { await p.check(x); }), params);
  return fc.check(fc.property(arb, (x) => { p.check(x); }), params);
}

function replayCommand(property: string, seed: number, path: string, extra: readonly string[]): string {
  return [`tlib-kit fuzz --property ${property} --seed ${seed} --path ${path}`, ...extra].join(' ');
}

/** How a failure is printed, by the runner or by the parent of its workers. */
export function failureLines(f: FuzzFailure): string[] {
  const lines = [`FAIL ${f.property} (seed ${f.seed}, path ${f.path})`, `  ${f.error}`, `  counterexample: ${f.counterexample}`, `  replay: ${f.replay}`];
  if (f.corpusFile) lines.push(`  saved: ${f.corpusFile}`);
  return lines;
}

/** Longest time spent shrinking one counterexample after its slice ran out. */
const SHRINK_MS = 30_000;

/**
 * The slice's time limit also stops shrinking; a failure found near its end
 * would be reported barely shrunk. Replaying from its path shrinks on.
 */
async function finishShrinking(p: FuzzProperty, seed: number, d: fc.RunDetails<[unknown]>): Promise<fc.RunDetails<[unknown]>> {
  if (d.counterexamplePath === null) return d;
  const more = await runSlice(p, { seed, path: d.counterexamplePath, numRuns: 1, endOnFailure: false, interruptAfterTimeLimit: SHRINK_MS, markInterruptAsFailure: false });
  return more.failed ? more : d;
}

export async function runFuzz(o: FuzzRunOptions): Promise<FuzzSummary> {
  try {
    return await runAll(o);
  } finally {
    for (const p of o.properties) await p.teardown?.();
  }
}

async function runAll(o: FuzzRunOptions): Promise<FuzzSummary> {
  const start = Date.now();
  const deadline = start + o.timeSeconds * 1000;
  const baseSeed = o.seed ?? (Math.random() * 0x7fffffff) | 0;
  const stats = o.properties.map((p): PropertyStats => ({ name: p.name, runs: 0, ms: 0, failed: false }));
  const failures: FuzzFailure[] = [];
  // Each property gets at least ~5 slices of the budget, slices between 0.1 s and 2 s.
  const sliceMs = o.sliceMs ?? Math.min(2000, Math.max(100, (o.timeSeconds * 1000) / (o.properties.length * 5)));
  let lastReport = start;
  let round = 0;

  const onFailure = (p: FuzzProperty, s: PropertyStats, seed: number, d: fc.RunDetails<[unknown]>) => {
    s.failed = true;
    const path = d.counterexamplePath ?? '';
    const error = d.errorInstance instanceof Error ? `${d.errorInstance.message}` : String(d.errorInstance);
    const counterexample = d.counterexample ? fc.stringify(d.counterexample[0]) : '(none)';
    const replay = replayCommand(p.name, seed, path, o.replayWords ?? []);
    const failure: FuzzFailure = { property: p.name, seed, path, error: firstLines(error, 12), counterexample: counterexample.length > 2000 ? `${counterexample.slice(0, 2000)}…` : counterexample, replay };
    // A replay reproduces a failure already on record: it saves nothing (the corpus is tracked in git).
    if (d.counterexample && o.path === undefined) {
      failure.corpusFile = saveCorpusEntry(o.corpusDir, { property: p.name, reason: firstLines(error, 3), seed, path, replay, found: new Date().toISOString(), input: d.counterexample[0] });
    }
    failures.push(failure);
    if (o.onFailure) o.onFailure(failure);
    else for (const line of failureLines(failure)) o.out(line);
  };

  if (o.path !== undefined) {
    // Replay: one property, the given seed and path, a single counterexample.
    const p = o.properties[0]!;
    const s = stats[0]!;
    const t0 = Date.now();
    // Exactly the one input at that seed and path, run once: fast-check given a path runs on from it (the rest of its shrink tree).
    const [input] = fc.sample(p.arbitrary(), { seed: baseSeed, path: o.path, numRuns: 1 });
    const d = await runSlice(p, { examples: [[input]], numRuns: 1, endOnFailure: true });
    s.ms += Date.now() - t0;
    s.runs += d.numRuns;
    if (d.failed) onFailure(p, s, baseSeed, Object.assign(d, { counterexamplePath: o.path }));
    else o.out(`replay of ${p.name} seed ${baseSeed} path ${o.path}: passes`);
    return { stats, failures, elapsedMs: Date.now() - start, baseSeed };
  }

  o.out(`fuzz: ${plural(o.properties.length, 'property', 'properties')} for ${o.timeSeconds} s${o.maxRuns !== undefined ? ` or ${o.maxRuns} runs each` : ''}, base seed ${baseSeed}`);
  while (Date.now() < deadline) {
    let ranAny = false;
    for (let i = 0; i < o.properties.length; i++) {
      const p = o.properties[i]!;
      const s = stats[i]!;
      const left = deadline - Date.now();
      const runsLeft = (o.maxRuns ?? Number.POSITIVE_INFINITY) - s.runs;
      if (s.failed || left <= 0 || runsLeft <= 0 || o.stopped?.(p.name)) continue;
      ranAny = true;
      const seed = (baseSeed + round * 7919 + i * 104729) | 0;
      const t0 = Date.now();
      const d = await runSlice(p, { seed, numRuns: Math.min(1_000_000_000, runsLeft), interruptAfterTimeLimit: Math.max(1, Math.min(sliceMs, left)), markInterruptAsFailure: false });
      s.ms += Date.now() - t0;
      s.runs += d.numRuns;
      // fast-check counts a slice cut off before its first run completed as failed, with no counterexample: not a failure.
      const cutOff = d.interrupted && d.counterexample === null;
      if (d.failed && !cutOff) onFailure(p, s, seed, d.interrupted ? await finishShrinking(p, seed, d) : d);
      if (o.reportEveryMs > 0 && Date.now() - lastReport >= o.reportEveryMs) {
        lastReport = Date.now();
        const total = stats.reduce((n, x) => n + x.runs, 0);
        (o.progress ?? o.out)(`[${((lastReport - start) / 1000).toFixed(0)} s] ${total} runs: ${stats.map((x) => `${x.name} ${x.runs} (${rate(x.runs, x.ms)})${x.failed ? ' FAILED' : ''}`).join(', ')}`);
      }
    }
    round++;
    if (!ranAny) break;
  }
  return { stats, failures, elapsedMs: Date.now() - start, baseSeed };
}

/** The per-property table and the final summary line. */
export function formatSummary(s: FuzzSummary): string[] {
  const lines = s.stats.map((x) => `  ${x.failed ? 'FAIL' : 'ok  '} ${x.name.padEnd(24)} ${String(x.runs).padStart(10)} runs  ${rate(x.runs, x.ms).padStart(9)}`);
  const total = s.stats.reduce((n, x) => n + x.runs, 0);
  lines.push(`fuzz: ${s.failures.length === 0 ? 'ok' : `${s.failures.length} FAILED`}, ${plural(s.stats.length, 'property', 'properties')}, ${total} runs in ${(s.elapsedMs / 1000).toFixed(1)} s (${rate(total, s.elapsedMs)}), base seed ${s.baseSeed}`);
  return lines;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
