/**
 * Turning attempts into one result per scenario: --repeat (a scenario whose
 * attempts disagree is flaky), --known-flaky, --known-failing (an entry that
 * no longer fails as written fails the run), and the exit code.
 */
import { findEntry, reasonMatches, type KnownEntry } from './known-list.js';
import { REPORT_SCHEMA_VERSION, runOutsideTables, type CaseResult, type RunReport, type TargetInfo, type Verdict } from '../report/report-model.js';
import { runState, type RunState } from '../report/run-state.js';

const FAILING: ReadonlySet<Verdict> = new Set(['fail', 'timeout', 'error']);

export function isFailing(v: Verdict): boolean {
  return FAILING.has(v);
}

/** One result from the attempts of one scenario (at least one). */
export function combineAttempts(attempts: readonly CaseResult[], knownFlaky: readonly KnownEntry[]): CaseResult {
  const first = attempts[0]!;
  const failed = attempts.filter((a) => isFailing(a.verdict));
  const shown = failed[0] ?? first;
  const counts = attempts.length > 1 ? { runs: attempts.length, failedRuns: failed.length } : {};
  const durationMs = attempts.reduce((sum, a) => sum + a.durationMs, 0);
  if (failed.length > 0 && findEntry(knownFlaky, first.id)) {
    return { ...shown, ...counts, durationMs, verdict: 'flaky', reason: `failed ${failed.length} of ${attempts.length} runs (listed as known flaky): ${shown.reason ?? ''}` };
  }
  if (failed.length > 0 && failed.length < attempts.length) {
    return { ...shown, ...counts, durationMs, verdict: 'fail', reason: `flaky: failed ${failed.length} of ${attempts.length} runs; ${shown.reason ?? ''}` };
  }
  return { ...shown, ...counts, durationMs };
}

/** Applies the known-failing list; returns the results and the run-level problems it found. */
export function applyKnownFailing(results: readonly CaseResult[], entries: readonly KnownEntry[]): { results: CaseResult[]; problems: string[] } {
  const problems: string[] = [];
  const out = results.map((r) => {
    const entry = findEntry(entries, r.id);
    if (!entry || r.verdict === 'skip' || r.verdict === 'flaky') return r;
    if (r.verdict === 'pass') {
      problems.push(`${r.id} is listed as known failing (line ${entry.line}) but now passes: remove it from the list`);
      return r;
    }
    if (reasonMatches(entry, r.reason)) return { ...r, verdict: 'known-failure' as const };
    problems.push(`${r.id} fails differently than the known-failing list expects (line ${entry.line}: "${entry.messagePrefix}")`);
    return r;
  });
  return { results: out, problems };
}

/** What a report says of the run that is not counted from its results. */
export interface RunHead {
  version: string;
  target: TargetInfo;
  node: string;
  argv?: readonly string[];
  startedAt: string;
  durationMs: number;
  seed: number;
  timeoutMs: number;
}

/** A run's report from its head, its results and its problems: the summary, and the problems and the outside-tables list when there are any. */
export function runReport(head: RunHead, results: CaseResult[], problems: readonly string[]): RunReport {
  const { argv, ...rest } = head;
  const outsideTables = runOutsideTables(results);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'tlib-kit',
    ...rest,
    ...(argv ? { argv: [...argv] } : {}),
    results,
    summary: summarize(results),
    ...(problems.length ? { problems: [...problems] } : {}),
    ...(outsideTables ? { outsideTables } : {}),
  };
}

export function summarize(results: readonly CaseResult[]): RunReport['summary'] {
  const count = (v: Verdict): number => results.filter((r) => r.verdict === v).length;
  return {
    total: results.length,
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
    timedOut: count('timeout'),
    errors: count('error'),
    knownFailures: count('known-failure'),
    flaky: count('flaky'),
  };
}

/** The exit code of the run's state (report/run-state.ts): 0 passed, 1 failed, 2 not judged, 130 interrupted. */
export function exitCodeOf(report: RunReport): RunState['exitCode'] {
  return runState(report).exitCode;
}
