/**
 * What every run does, whatever it runs against: each scenario attempted
 * `repeat` times and its attempts combined (the known-flaky list applied), a
 * failure given the command that runs it again, the known-failing list
 * applied, stale list entries reported, and the RunReport every report format
 * reads. The server engine (engine.ts) and the library engine
 * (library/engine.ts) say only how one attempt runs, in which order and how
 * many at once.
 */
import { applyKnownFailing, combineAttempts, runReport } from './aggregate.js';
import { unmatchedEntries, type KnownEntry } from './known-list.js';
import type { RecordListener } from '../message-path/exchange.js';
import type { CaseResult, RunReport, TargetInfo } from '../report/report-model.js';

/** Scenarios run in order, this many at once. */
export interface Batch<S> {
  scenarios: readonly S[];
  concurrency: number;
}

/** Replaces a scenario's attempts after they ran (a verdict that came late), then its result; `change` returns undefined to keep them. */
export type Revise = (id: string, change: (attempts: readonly CaseResult[]) => CaseResult[] | undefined) => void;

/** What the caller of either engine says about a run, besides what it runs against. */
export interface RunOptions<S> {
  scenarios: readonly S[];
  /** Every scenario id of the catalogue, to tell a stale list entry from one outside the selection. */
  catalogueIds: readonly string[];
  version: string;
  timeoutMs: number;
  seed: number;
  repeat: number;
  /** The command line words after "tlib-kit", recorded in the report when the run came from the CLI. */
  argv?: readonly string[];
  /** Scenarios attempted at once. */
  concurrency?: number;
  knownFailing?: { file: string; entries: KnownEntry[] };
  knownFlaky?: { file: string; entries: KnownEntry[] };
  onRecord?: RecordListener;
  onResult?: (r: CaseResult) => void;
  /** Part i of n of a sharded run, recorded in the report; on a shared target the server engine leases only its part of the profile (profileForShard). */
  shard?: { index: number; count: number };
}

/** A run as the engine shapes it: the selection in catalogue order (the order of the report's results), batches in run order. */
export interface RunPlan<S extends { id: string }> extends Omit<RunOptions<S>, 'concurrency' | 'onRecord'> {
  /** Run one after another. */
  batches: readonly Batch<S>[];
  /** Attempt `index` (from 0) of one scenario. */
  attempt(s: S, index: number): Promise<CaseResult>;
  /** The command that runs one scenario again, alone, or undefined where there is none. */
  reproduce(id: string): string | undefined;
  /** After the batches: late verdicts, and the run's own problems. */
  settle?(revise: Revise): Promise<string[]>;
  /** A scenario whose attempts are judged in `settle` as well: its result is reported once, after it. */
  heldUntilSettled?(id: string): boolean;
  target: TargetInfo;
  onAttempt?: (id: string, attempt: number, r: CaseResult) => void;
}

export async function runScenarios<S extends { id: string }>(o: RunPlan<S>): Promise<RunReport> {
  const startedAt = new Date();
  const started = performance.now();
  const byId = new Map<string, CaseResult>();
  /** Each scenario's attempts, kept until the run's verdict: a late verdict turns the attempts it counts. */
  const attemptsOf = new Map<string, CaseResult[]>();
  const unreported = new Set<string>();
  const withReproduce = (r: CaseResult): CaseResult => {
    if (r.verdict === 'pass' || r.verdict === 'skip') return r;
    const command = o.reproduce(r.id);
    return command ? { ...r, reproduce: command } : r;
  };
  const record = (id: string, r: CaseResult): void => {
    byId.set(id, r);
    unreported.delete(id);
    o.onResult?.(r);
  };
  const combined = (attempts: readonly CaseResult[]): CaseResult => withReproduce(combineAttempts(attempts, o.knownFlaky?.entries ?? []));

  const runOne = async (s: S): Promise<void> => {
    const attempts: CaseResult[] = [];
    for (let i = 0; i < o.repeat; i++) {
      attempts.push(await o.attempt(s, i));
      o.onAttempt?.(s.id, i, attempts[i]!);
    }
    attemptsOf.set(s.id, attempts);
    if (!o.heldUntilSettled?.(s.id)) return record(s.id, combined(attempts));
    byId.set(s.id, combined(attempts));
    unreported.add(s.id);
  };
  for (const batch of o.batches) await inPool(batch.scenarios, batch.concurrency, runOne);

  const problems: string[] = [];
  if (o.settle) {
    const revise: Revise = (id, change) => {
      const attempts = attemptsOf.get(id);
      const next = attempts && change(attempts);
      if (!next) return;
      attemptsOf.set(id, next);
      record(id, combined(next));
    };
    problems.push(...(await o.settle(revise)));
  }
  for (const id of unreported) o.onResult?.(byId.get(id)!);
  let results = o.scenarios.map((s) => byId.get(s.id)!);
  if (o.knownFailing) {
    const applied = applyKnownFailing(results, o.knownFailing.entries);
    results = applied.results;
    problems.push(...applied.problems, ...unmatchedEntries(o.knownFailing.entries, o.catalogueIds, o.knownFailing.file));
  }
  if (o.knownFlaky) problems.push(...unmatchedEntries(o.knownFlaky.entries, o.catalogueIds, o.knownFlaky.file));
  const head = { version: o.version, target: o.target, node: process.version, startedAt: startedAt.toISOString(), durationMs: Math.round(performance.now() - started), seed: o.seed, timeoutMs: o.timeoutMs };
  return {
    ...runReport({ ...head, ...(o.argv ? { argv: o.argv } : {}) }, results, problems),
    ...(o.repeat > 1 ? { repeat: o.repeat } : {}),
    ...(o.shard && o.shard.count > 1 ? { shard: { index: o.shard.index, count: o.shard.count } } : {}),
  };
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
