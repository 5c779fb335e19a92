/** Proof that every check can fail: each simulator defect fails exactly the scenarios that name it, and no defect fails none. */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { DEFECTS } from '../../src/sim/defects.js';
import { cli, runEmbedded } from './helpers.js';

const FAILING = new Set(['fail', 'timeout']);

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

describe('conformance suite against the embedded simulator', () => {
  it('passes every scenario with no defect on', async () => {
    const report = await runEmbedded();
    const notPassed = report.results.filter((r) => r.verdict !== 'pass').map((r) => `${r.id}: ${r.verdict} ${r.reason ?? ''}`);
    expect(notPassed).toEqual([]);
    expect(report.results.length).toBe(SCENARIOS.length);
  });

  it('names every defect of the catalogue in some scenario', () => {
    const named = new Set(SCENARIOS.flatMap((s) => s.brokenBy));
    expect(DEFECTS.map((d) => d.name).filter((d) => !named.has(d))).toEqual([]);
  });

  it('fails exactly the scenarios whose brokenBy names the defect, for each defect', async () => {
    // A few defects at a time: all at once is ~1,000 simulators on two shared cores, and 1 s steps then time out for load, not for the defect.
    const outcomes = await inBatches(DEFECTS, 4, async (d) => {
      const report = await runEmbedded([d.name]);
      const failed = report.results.filter((r) => FAILING.has(r.verdict)).map((r) => r.id).sort();
      const others = report.results.filter((r) => !FAILING.has(r.verdict) && r.verdict !== 'pass').map((r) => `${r.id}: ${r.verdict}`);
      return { defect: d.name, failed, others };
    });
    for (const o of outcomes) {
      const expected = SCENARIOS.filter((s) => s.brokenBy.includes(o.defect)).map((s) => s.id).sort();
      expect({ defect: o.defect, failed: o.failed, others: o.others }).toEqual({ defect: o.defect, failed: expected, others: [] });
    }
  });

  it('marks the violating message in the exchange of a failure', async () => {
    const report = await runEmbedded(['reserved-leak'], { scenarios: SCENARIOS.filter((s) => s.id === 'agent-reserved/no-leak') });
    const [result] = report.results;
    expect(result?.verdict).toBe('fail');
    const blamed = result?.exchange.filter((r) => r.violation) ?? [];
    expect(blamed.map((r) => [r.actor, r.message?.Event])).toEqual([['bystander', 'EventAgentReserved']]);
    expect(result?.expected).toBe('no EventAgentReserved for bystander');
  });
});

describe('tlib-kit conform --sim-defect', () => {
  it('exits 0 with no defect and 1 with each defect on', async () => {
    const clean = await cli(['--timeout', '1000']);
    expect(clean.code).toBe(0);
    const codes = await Promise.all(DEFECTS.map(async (d) => [d.name, (await cli(['--sim-defect', d.name, '--timeout', '1000'])).code]));
    expect(codes.filter(([, code]) => code !== 1)).toEqual([]);
  });

  it('refuses an unknown defect with exit 2 and a clear message', async () => {
    const r = await cli(['--sim-defect', 'no-such-defect']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown simulator defect "no-such-defect"');
  });
});
