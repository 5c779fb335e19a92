/** Proof that every check can fail: each simulator defect fails exactly the scenarios that name it, and no defect fails none. */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { SHARED_CHECK_DEFECTS } from '../../conformance/scenarios/shared-check-defects.js';
import { DEFECTS, type DefectName } from '../../src/sim/defects.js';
import { cli, RUNNABLE, runEmbedded } from './helpers.js';

const FAILING = new Set(['fail', 'timeout']);

describe('conformance suite against the embedded simulator', () => {
  it('passes every scenario with no defect on', async () => {
    const report = await runEmbedded();
    const notPassed = report.results.filter((r) => r.verdict !== 'pass').map((r) => `${r.id}: ${r.verdict} ${r.reason ?? ''}`);
    expect(notPassed).toEqual([]);
    expect(report.results.length).toBe(RUNNABLE.length);
  });

  it('names every defect of the catalogue in some scenario', () => {
    const named = new Set(SCENARIOS.flatMap((s) => s.brokenBy));
    expect(DEFECTS.map((d) => d.name).filter((d) => !named.has(d))).toEqual([]);
  });

  // The application-view scenarios watch for a step timeout each, and every run now has observers: minutes on a loaded machine.
  it('fails exactly the scenarios whose brokenBy names the defect, for each defect', { timeout: 300_000 }, async () => {
    // A few defects at a time: each run starts a simulator pair per scenario, and a 2-core machine
    // running hundreds of them at once turns one-second steps into timeouts that prove nothing.
    const outcomes: Array<{ defect: DefectName; failed: string[]; others: string[] }> = [];
    const queue = [...DEFECTS];
    const worker = async (): Promise<void> => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const report = await runEmbedded([d.name]);
        const failed = report.results.filter((r) => FAILING.has(r.verdict)).map((r) => r.id).sort();
        const others = report.results.filter((r) => !FAILING.has(r.verdict) && r.verdict !== 'pass').map((r) => `${r.id}: ${r.verdict}`);
        outcomes.push({ defect: d.name, failed, others });
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    for (const o of outcomes) {
      const expected = SCENARIOS.filter((s) => s.brokenBy.includes(o.defect)).map((s) => s.id).sort();
      expect({ defect: o.defect, failed: o.failed, others: o.others }).toEqual({ defect: o.defect, failed: expected, others: [] });
    }
  });

  it('quotes the sentence each defect breaks, in the scenarios whose own steps it breaks', async () => {
    // "SubscriptionID ... is mandatory" quotes with an ellipsis: each part must be there, in order.
    const quotes = (reference: string, breaks: string): boolean => {
      let at = 0;
      for (const part of breaks.split('...').map((p) => p.trim()).filter(Boolean)) {
        const found = reference.indexOf(part, at);
        if (found < 0) return false;
        at = found + part.length;
      }
      return true;
    };
    const wrong = await Promise.all(
      DEFECTS.map(async (d) => {
        const own = SCENARIOS.filter((s) => s.brokenBy.includes(d.name) && !(SHARED_CHECK_DEFECTS[s.id] ?? []).includes(d.name));
        const report = await runEmbedded([d.name], { scenarios: own });
        return report.results.filter((r) => !quotes(r.reference, d.breaks)).map((r) => `${d.name} in ${r.id} (${r.verdict}) quotes "${r.reference}"`);
      }),
    );
    expect(wrong.flat()).toEqual([]);
  });

  it('catches a leak the server writes late, but before its next answer, on every one of 20 runs', async () => {
    const ids = ['private-info/no-leak', 'user-event/no-leak'];
    const scenarios = SCENARIOS.filter((s) => ids.includes(s.id));
    const [privateLeak, userLeak] = await Promise.all([runEmbedded(['private-info-leak-late'], { scenarios, repeat: 20 }), runEmbedded(['user-event-leak-late'], { scenarios, repeat: 20 })]);
    const privateResult = privateLeak.results.find((x) => x.id === 'private-info/no-leak');
    const userResult = userLeak.results.find((x) => x.id === 'user-event/no-leak');
    expect([privateResult?.failedRuns, userResult?.failedRuns]).toEqual([20, 20]);
    expect(privateResult?.reason).toContain('bystander received EventPrivateInfo, which it must not');
    expect(userResult?.reason).toContain('bystander received EventUserEvent, which it must not');
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
  it('exits 0 with no defect and 1 with each defect on', { timeout: 300_000 }, async () => {
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
