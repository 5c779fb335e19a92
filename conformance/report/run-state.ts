/**
 * The state of a whole run, computed once from its results so the terminal,
 * JSON, JUnit and HTML reports say the same thing in the same words, with
 * counts that add up: total = judged + skipped + errors, and
 * judged = passed + failed + known + flaky.
 */
import type { CaseResult, RunReport } from './report-model.js';

export type RunStateKind = 'passed' | 'passed-with-known-failures' | 'passed-with-skips' | 'failed' | 'not-judged' | 'interrupted';

export interface RunCounts {
  total: number;
  /** Scenarios the target was judged on: passed + failed + known + flaky. */
  judged: number;
  passed: number;
  /** Violations and timeouts: the target broke a rule. */
  failed: number;
  /** Failed as the --known-failing list expects. */
  known: number;
  /** Failed on some repeats, listed in --known-flaky. */
  flaky: number;
  skipped: number;
  /** The run itself broke (connection, hook, runner): nothing was judged. */
  errors: number;
  /** Run-level problems (stale list entries): they fail the run. */
  runProblems: number;
}

export interface RunState {
  kind: RunStateKind;
  /** Upper-case words every report prints as the outcome, e.g. "PASSED WITH KNOWN FAILURES". */
  label: string;
  /** One line of numbers that says why, e.g. "31 of 35 passed, 4 known failures". */
  detail: string;
  /** 0 passed, 1 failed, 2 could not be judged, 130 interrupted. */
  exitCode: 0 | 1 | 2 | 130;
  counts: RunCounts;
}

const LABELS: Record<RunStateKind, string> = {
  passed: 'PASSED',
  'passed-with-known-failures': 'PASSED WITH KNOWN FAILURES',
  'passed-with-skips': 'PASSED WITH SKIPS',
  failed: 'FAILED',
  'not-judged': 'COULD NOT BE JUDGED',
  interrupted: 'INTERRUPTED',
};

const EXIT: Record<RunStateKind, RunState['exitCode']> = {
  passed: 0,
  'passed-with-known-failures': 0,
  'passed-with-skips': 0,
  failed: 1,
  'not-judged': 2,
  interrupted: 130,
};

export function countResults(results: readonly CaseResult[], runProblems: number): RunCounts {
  const n = (pred: (r: CaseResult) => boolean): number => results.filter(pred).length;
  const passed = n((r) => r.verdict === 'pass');
  const failed = n((r) => r.verdict === 'fail' || r.verdict === 'timeout');
  const known = n((r) => r.verdict === 'known-failure');
  const flaky = n((r) => r.verdict === 'flaky');
  return {
    total: results.length,
    judged: passed + failed + known + flaky,
    passed,
    failed,
    known,
    flaky,
    skipped: n((r) => r.verdict === 'skip'),
    errors: n((r) => r.verdict === 'error'),
    runProblems,
  };
}

const plural = (n: number, word: string, words = `${word}s`): string => `${n} ${n === 1 ? word : words}`;

function kindOf(c: RunCounts, interrupted: boolean): RunStateKind {
  if (interrupted) return 'interrupted';
  if (c.failed > 0 || c.runProblems > 0) return 'failed';
  // Errors mean part of the target was never judged; a run that judged nothing cannot pass either.
  if (c.errors > 0 || (c.judged === 0 && c.total > 0)) return 'not-judged';
  if (c.known > 0 || c.flaky > 0) return 'passed-with-known-failures';
  if (c.skipped > 0) return 'passed-with-skips';
  return 'passed';
}

function detailOf(kind: RunStateKind, c: RunCounts, planned: number | undefined): string {
  const parts = [
    kind === 'interrupted' ? `${c.total} of ${planned ?? c.total} scenarios finished before the run was stopped` : '',
    c.failed ? `${c.failed} of ${c.total} scenarios did not conform` : '',
    c.errors ? `${plural(c.errors, 'scenario')} could not be judged (errors)` : '',
    c.runProblems ? plural(c.runProblems, 'run-level problem') : '',
    `${c.passed} of ${c.total} passed`,
    c.known ? plural(c.known, 'known failure') : '',
    c.flaky ? `${c.flaky} flaky` : '',
    c.skipped ? `${c.skipped} skipped` : '',
    c.judged === 0 && c.total > 0 && !c.errors ? 'none judged' : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** The one place a run's outcome is decided. */
export function runState(report: Pick<RunReport, 'results' | 'problems' | 'interrupted' | 'planned'>): RunState {
  const counts = countResults(report.results, report.problems?.length ?? 0);
  const kind = kindOf(counts, report.interrupted === true);
  return { kind, label: LABELS[kind], detail: detailOf(kind, counts, report.planned), exitCode: EXIT[kind], counts };
}

/** The state line as terminal, JUnit and HTML print it: "PASSED WITH SKIPS (32 of 35 passed, 3 skipped)". */
export function stateLine(state: RunState): string {
  return `${state.label} (${state.detail})`;
}

/** Whether the outcome is a pass (for colours and styles). */
export function statePasses(state: RunState): boolean {
  return state.exitCode === 0;
}
