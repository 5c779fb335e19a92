/** One run in each state a run can end in, built from the sample fixture's cases, for the state tests. */
import type { CaseResult, RunReport, Verdict } from '../../conformance/report/report-model.js';
import type { RunStateKind } from '../../conformance/report/run-state.js';
import { loadFixture } from './fixtures.js';

const sample = loadFixture('sample-run');
const base = sample.results.find((r) => r.verdict === 'pass')!;

function cases(verdicts: Verdict[]): CaseResult[] {
  return verdicts.map((verdict, i) => ({ ...base, id: `state/case-${i}`, verdict, ...(verdict === 'pass' ? {} : { reason: `${verdict} on purpose` }) }));
}

const run = (verdicts: Verdict[], extra: Partial<RunReport> = {}): RunReport => ({ ...sample, results: cases(verdicts), ...extra });

const passes = (n: number): Verdict[] => Array<Verdict>(n).fill('pass');

/** The runs of the report: 35 scenarios, 4 known failures, 3 skipped, 5 harness errors, ... */
export const STATE_RUNS: Record<RunStateKind, RunReport> = {
  passed: run(passes(35)),
  'passed-with-known-failures': run([...passes(31), 'known-failure', 'known-failure', 'known-failure', 'known-failure']),
  'passed-with-skips': run([...passes(32), 'skip', 'skip', 'skip']),
  failed: run([...passes(33), 'fail', 'timeout']),
  'not-judged': run([...passes(30), 'error', 'error', 'error', 'error', 'error']),
  interrupted: run(passes(12), { interrupted: true, planned: 35 }),
};

/** What each state must read as, in every report. */
export const STATE_TEXT: Record<RunStateKind, string> = {
  passed: 'PASSED (35 of 35 passed)',
  'passed-with-known-failures': 'PASSED WITH KNOWN FAILURES (31 of 35 passed, 4 known failures)',
  'passed-with-skips': 'PASSED WITH SKIPS (32 of 35 passed, 3 skipped)',
  failed: 'FAILED (2 of 35 scenarios did not conform, 33 of 35 passed)',
  'not-judged': 'COULD NOT BE JUDGED (5 scenarios could not be judged (errors), 30 of 35 passed)',
  interrupted: 'INTERRUPTED (12 of 35 scenarios finished before the run was stopped, 12 of 12 passed)',
};
