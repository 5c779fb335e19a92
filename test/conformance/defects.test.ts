/**
 * Proof that every check can fail, derived from sentence ids: a defect
 * declares the sentence it breaks (src/sim/defects/), a scenario the
 * sentences its own steps check (`cites`). Under each defect, every failing
 * scenario must cite the broken sentence or quote it in its failure (the
 * every-instance checks of conformance/rules/received-rules.ts fail scenarios that
 * merely receive a broken event), and for every cited sentence some defect
 * breaking it must fail the scenario.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import type { RunReport } from '../../conformance/report/report-model.js';
import { allSentences, sentence } from '../../src/reference/sentences.js';
import { DEFECTS, type Defect, type DefectName } from '../../src/sim/defects/index.js';
import { STARTUP_MS, cli, run, runEmbedded } from './helpers.js';
import { embeddedTarget } from '../../conformance/targets/embedded.js';

/**
 * Steps long enough that a loaded machine does not turn a slow answer into a
 * timeout; a timeout counts as a detection only for a defect that nothing
 * but waiting can notice (`noticedByWaiting`).
 */
const DEFECT_STEP_MS = 4000;
const detections = (d: Defect): ReadonlySet<string> => new Set(d.noticedByWaiting ? ['fail', 'timeout'] : ['fail']);

/** The sentence ids a failure's quoted reference contains. */
const quoted = (reference: string): Set<string> => new Set(allSentences().filter((s) => s.kind !== 'heading' && reference.includes(s.text)).map((s) => s.id));

const runDefect = (d: DefectName): Promise<RunReport> => run(embeddedTarget({ defects: [d], connectTimeoutMs: STARTUP_MS }), { timeoutMs: DEFECT_STEP_MS });

describe('conformance suite against the embedded simulator', () => {
  it('passes every scenario with no defect on', async () => {
    const report = await runEmbedded();
    const notPassed = report.results.filter((r) => r.verdict !== 'pass').map((r) => `${r.id}: ${r.verdict} ${r.reason ?? ''}`);
    expect(notPassed).toEqual([]);
    expect(report.results.length).toBe(SCENARIOS.length);
  });

  it('has every defect break a sentence some scenario cites', () => {
    const cited = new Set(SCENARIOS.flatMap((s) => s.cites));
    expect(DEFECTS.filter((d) => !cited.has(d.breaks)).map((d) => d.name)).toEqual([]);
  });

  it('under each defect, fails only scenarios that check its sentence, and each cited sentence fails its scenario under some defect', { timeout: 900_000 }, async () => {
    // A few defects at a time: each run starts a simulator pair per scenario.
    const failedBy = new Map<DefectName, Set<string>>();
    const problems: string[] = [];
    const queue = [...DEFECTS];
    const worker = async (): Promise<void> => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const report = await runDefect(d.name);
        const failed = new Set<string>();
        for (const r of report.results) {
          if (r.verdict === 'pass') continue;
          const scenario = SCENARIOS.find((s) => s.id === r.id)!;
          if (!detections(d).has(r.verdict)) problems.push(`${d.name}: ${r.id} ${r.verdict} (${r.reason ?? ''})`);
          else if (!scenario.cites.includes(d.breaks) && !quoted(r.reference).has(d.breaks)) problems.push(`${d.name}: ${r.id} failed quoting neither ${d.breaks} nor citing it: "${r.reference}"`);
          else failed.add(r.id);
        }
        failedBy.set(d.name, failed);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    for (const d of DEFECTS) if (!failedBy.get(d.name)?.size) problems.push(`${d.name} fails no scenario`);
    const broken = new Set<string>(DEFECTS.map((d) => d.breaks));
    for (const s of SCENARIOS) {
      for (const id of s.cites.filter((c) => broken.has(c))) {
        if (!DEFECTS.some((d) => d.breaks === id && failedBy.get(d.name)?.has(s.id))) problems.push(`${s.id} cites ${id}, yet no defect breaking it fails it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('quotes the sentence each defect breaks in each failure of a scenario that cites it (a timeout reports the step waited for)', async () => {
    const wrong = await Promise.all(
      DEFECTS.map(async (d) => {
        const own = SCENARIOS.filter((s) => s.cites.includes(d.breaks));
        const report = await runEmbedded([d.name], { scenarios: own });
        return report.results.filter((r) => r.verdict === 'fail' && !r.reference.includes(sentence(d.breaks))).map((r) => `${d.name} in ${r.id} (${r.verdict}) quotes "${r.reference}"`);
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
  it('exits 0 with no defect and 1 with each defect on', { timeout: 900_000 }, async () => {
    // The same long steps as above: on a loaded machine a slow answer is not a timeout, so the clean run passes and a defect's exit 1 is its detection.
    const step = ['--timeout', String(DEFECT_STEP_MS)];
    const clean = await cli(step);
    expect(clean.code).toBe(0);
    const codes: Array<[string, number]> = [];
    const queue = [...DEFECTS];
    const worker = async (): Promise<void> => {
      for (let d = queue.shift(); d; d = queue.shift()) codes.push([d.name, (await cli(['--sim-defect', d.name, ...step])).code]);
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(codes).toHaveLength(DEFECTS.length);
    expect(codes.filter(([, code]) => code !== 1)).toEqual([]);
  });

  it('refuses an unknown defect with exit 2 and a clear message', async () => {
    const r = await cli(['--sim-defect', 'no-such-defect']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown simulator defect "no-such-defect"');
  });
});
