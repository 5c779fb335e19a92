/**
 * Turning attempts into one result per scenario: --repeat (a scenario whose
 * attempts disagree is flaky), --known-flaky, --known-failing (an entry that
 * no longer fails as written fails the run), and the exit code.
 */
import { findEntry, reasonMatches, type KnownEntry } from './known-list.js';
import type { CaseResult, RunReport, Verdict } from './report-model.js';

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

/** 1 for any counted violation or run-level problem, else 2 for errors of the run itself, else 0. */
export function exitCodeOf(report: RunReport): 0 | 1 | 2 {
  if ((report.problems?.length ?? 0) > 0 || report.results.some((r) => r.verdict === 'fail' || r.verdict === 'timeout')) return 1;
  return report.results.some((r) => r.verdict === 'error') ? 2 : 0;
}
