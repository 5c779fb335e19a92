/**
 * The run core both engines stand on, with attempts made up: batches run in
 * order with their concurrency, repeats are combined, failures get their
 * reproduce command, a late verdict replaces a pass, and the known lists
 * and the report follow from the results.
 */
import { describe, expect, it } from 'vitest';
import { runScenarios, type RunPlan } from '../../conformance/runner/run-scenarios.js';
import type { CaseResult, Verdict } from '../../conformance/report/report-model.js';
import type { KnownEntry } from '../../conformance/runner/known-list.js';

const result = (id: string, verdict: Verdict, reason?: string): CaseResult => ({ id, title: id, reference: '', level: 'must', verdict, durationMs: 1, exchange: [], ...(reason ? { reason } : {}) });

function plan(verdicts: Record<string, Verdict[]>, extra: Partial<RunPlan<{ id: string }>> = {}): RunPlan<{ id: string }> {
  const scenarios = Object.keys(verdicts).map((id) => ({ id }));
  return {
    scenarios,
    catalogueIds: scenarios.map((s) => s.id),
    batches: [{ scenarios, concurrency: 2 }],
    attempt: async (s, i) => result(s.id, verdicts[s.id]![i] ?? 'pass', verdicts[s.id]![i] === 'pass' ? undefined : 'broke'),
    reproduce: (id) => `tlib-kit conform --run ${id}`,
    target: { kind: 'custom', description: 'made up' },
    version: '0.0.0',
    seed: 7,
    timeoutMs: 100,
    repeat: 1,
    ...extra,
  };
}

describe('runScenarios', () => {
  it('reports every scenario in catalogue order, a failure with its reproduce command, and the summary', async () => {
    const report = await runScenarios(plan({ a: ['pass'], b: ['fail'], c: ['skip'] }));
    expect(report.results.map((r) => [r.id, r.verdict, r.reproduce])).toEqual([
      ['a', 'pass', undefined],
      ['b', 'fail', 'tlib-kit conform --run b'],
      ['c', 'skip', undefined],
    ]);
    expect(report.summary).toMatchObject({ total: 3, passed: 1, failed: 1, skipped: 1 });
    expect(report.repeat).toBeUndefined();
    expect(report.problems).toBeUndefined();
  });

  it('runs the batches one after another, each no wider than its concurrency', async () => {
    let running = 0;
    let widest = 0;
    const started: string[] = [];
    const gate = plan({ a: ['pass'], b: ['pass'], c: ['pass'], x: ['pass'] });
    const report = await runScenarios({
      ...gate,
      batches: [
        { scenarios: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], concurrency: 2 },
        { scenarios: [{ id: 'x' }], concurrency: 1 },
      ],
      attempt: async (s, i) => {
        started.push(s.id);
        widest = Math.max(widest, ++running);
        await Promise.resolve();
        running--;
        return gate.attempt(s, i);
      },
    });
    expect(widest).toBe(2);
    expect(started.at(-1)).toBe('x');
    expect(report.results).toHaveLength(4);
  });

  it('combines repeats: a scenario failing on some runs is a flaky fail, counted, and the report says how many repeats', async () => {
    const seen: string[] = [];
    const report = await runScenarios(plan({ a: ['pass', 'fail', 'pass'] }, { repeat: 3, onAttempt: (id, i, r) => seen.push(`${id}#${i}:${r.verdict}`) }));
    expect(seen).toEqual(['a#0:pass', 'a#1:fail', 'a#2:pass']);
    expect(report.results[0]).toMatchObject({ verdict: 'fail', runs: 3, failedRuns: 1, reproduce: 'tlib-kit conform --run a' });
    expect(report.repeat).toBe(3);
  });

  it('lets a late verdict turn a pass, and adds the problems settle returns', async () => {
    const told: string[] = [];
    const report = await runScenarios(
      plan(
        { a: ['pass'], b: ['pass'] },
        {
          onResult: (r) => told.push(`${r.id}:${r.verdict}`),
          settle: async (revise) => {
            revise('a', (attempts) => attempts.map((r) => ({ ...r, verdict: 'fail', reason: 'late copy' })));
            revise('b', () => undefined);
            revise('unknown', (attempts) => attempts.map((r) => ({ ...r, verdict: 'fail' })));
            return ['observed, owned by no scenario'];
          },
        },
      ),
    );
    expect(report.results.map((r) => [r.id, r.verdict, r.reproduce])).toEqual([
      ['a', 'fail', 'tlib-kit conform --run a'],
      ['b', 'pass', undefined],
    ]);
    expect(told.slice(-1)).toEqual(['a:fail']);
    expect(report.problems).toEqual(['observed, owned by no scenario']);
  });

  it('applies the known-failing list and reports a stale entry as a problem of the run', async () => {
    const entries: KnownEntry[] = [
      { pattern: 'b', line: 1 },
      { pattern: 'gone', line: 2 },
    ];
    const report = await runScenarios(plan({ a: ['pass'], b: ['fail'] }, { knownFailing: { file: 'known.txt', entries } }));
    expect(report.results[1]!.verdict).toBe('known-failure');
    expect(report.problems?.join('\n')).toMatch(/gone/);
  });
});
