/** --repeat and exit codes, on results built by hand so each rule is seen alone. */
import { describe, expect, it } from 'vitest';
import { combineAttempts, exitCodeOf, summarize } from '../../conformance/runner/aggregate.js';
import type { CaseResult, RunReport } from '../../conformance/report/report-model.js';

const result = (verdict: CaseResult['verdict'], extra: Partial<CaseResult> = {}): CaseResult => ({
  id: 'ack/x',
  title: 't',
  level: 'must',
  reference: 'r',
  verdict,
  durationMs: 1,
  exchange: [],
  ...extra,
});
const report = (results: CaseResult[]): RunReport => ({
  schemaVersion: '1.0.0',
  tool: 'tlib-kit',
  version: 't',
  target: { kind: 'custom', description: 't' },
  node: process.version,
  startedAt: '',
  durationMs: 0,
  seed: 1,
  timeoutMs: 2000,
  results,
  summary: summarize(results),
});

describe('combining repeats', () => {
  it('calls a scenario whose runs disagree flaky, and fails it unless listed', () => {
    const mixed = [result('pass'), result('fail', { reason: 'boom' }), result('pass')];
    expect(combineAttempts(mixed, [])).toMatchObject({ verdict: 'fail', runs: 3, failedRuns: 1, reason: 'flaky: failed 1 of 3 runs; boom' });
    expect(combineAttempts(mixed, [{ pattern: 'ack/*', line: 1 }]).verdict).toBe('flaky');
  });
  it('keeps a consistent verdict', () => {
    expect(combineAttempts([result('pass'), result('pass')], []).verdict).toBe('pass');
  });
});

describe('exit codes', () => {
  it('exits 1 on violations, 2 on run errors alone, 0 otherwise', () => {
    expect(exitCodeOf(report([result('timeout'), result('error')]))).toBe(1);
    expect(exitCodeOf(report([result('error'), result('pass')]))).toBe(2);
    expect(exitCodeOf(report([result('pass'), result('skip'), result('known-failure')]))).toBe(0);
    expect(exitCodeOf({ ...report([result('pass')]), problems: ['stale'] })).toBe(1);
  });
});
