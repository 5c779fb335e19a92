/**
 * The runner against a T-Server it was not written with: the second server
 * of test/second-server (from the reference and spec/ alone, every allowed
 * choice made the other way). Unmutated it passes every scenario in every
 * run; each mutant fails the scenario that names the sentence it breaks, in
 * every run, quoting that sentence. SECOND_SERVER_REPEAT sets the runs (CI: 20).
 */
import { describe, expect, it } from 'vitest';
import { channelControl } from '../../conformance/control/channel.js';
import type { CaseResult, RunReport } from '../../conformance/report/report-model.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { execTarget } from '../../conformance/targets/exec.js';
import { tcpTarget } from '../../conformance/targets/tcp.js';
import type { ServerOptions } from '../second-server/options.js';
import { MUTANTS } from '../second-server/mutants.js';
import { presetOptions } from '../second-server/options.js';
import { startVendorPair } from '../second-server/start.js';
import { ALLOWED_NOW, SCENARIO_OF_MUTANT } from './second-server-mutants.js';
import { NEGATIVE_INPUTS, run } from './helpers.js';

const REPEAT = Number(process.env.SECOND_SERVER_REPEAT ?? 3);
const STEP = 2000;

async function against(options: Partial<ServerOptions>, extra: { ids?: string[]; repeat?: number } = {}): Promise<RunReport> {
  const h = await startVendorPair({ ...options, log: () => undefined });
  try {
    const target = tcpTarget({ primary: h.primary, backup: h.backup, control: channelControl({ host: h.primary.host, port: h.controlPort! }, STEP), connectTimeoutMs: STEP });
    const scenarios = extra.ids ? SCENARIOS.filter((s) => extra.ids!.includes(s.id)) : SCENARIOS;
    return await run(target, { scenarios, repeat: extra.repeat ?? REPEAT, timeoutMs: STEP, seed: 12 });
  } finally {
    await h.close();
  }
}

const BRIDGE = new URL('../second-server/bridge.mjs', import.meta.url).pathname;

/** The bridge plays the vendor's client library; only the application view is judged through it here. */
async function throughBridge(bridgeMutant: string | undefined, ids: string[], repeat = REPEAT): Promise<RunReport> {
  const h = await startVendorPair({ log: () => undefined });
  try {
    const mutant = bridgeMutant ? ` --mutant ${bridgeMutant}` : '';
    const control = channelControl({ host: h.primary.host, port: h.controlPort! }, STEP);
    const target = execTarget({ command: `node ${BRIDGE} --primary ${h.primary.host}:${h.primary.port} --backup ${h.backup.host}:${h.backup.port}${mutant}`, control });
    return await run(target, { scenarios: SCENARIOS.filter((s) => ids.includes(s.id)), repeat, timeoutMs: 8000, seed: 12 });
  } finally {
    await h.close();
  }
}

const notPassed = (r: RunReport): string[] => r.results.filter((x) => x.verdict !== 'pass' && x.verdict !== 'skip').map((x) => `${x.id}: ${x.verdict} ${x.reason ?? ''}`);
const seenOf = (r: RunReport, id: string): string => r.results.find((x) => x.id === id)?.seen ?? '';
/** The mutants quote the reference's markdown (agent\_dn); the runner quotes the text. */
const plain = (t: string): string => t.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();

describe('the conformance suite against the second server', () => {
  it(`passes every scenario but the application view, ${REPEAT} runs each`, { timeout: 600_000 }, async () => {
    const report = await against({});
    expect(notPassed(report)).toEqual([]);
    // The application view, and the negative inputs the default profile names none of.
    const skips = [...NEGATIVE_INPUTS, 'restore-connection/not-delivered-to-app', 'restore-connection/not-delivered-to-app-after-switchover'].sort();
    expect(report.results.filter((r) => r.verdict === 'skip').map((r) => r.id).sort()).toEqual(skips);
    // Its allowed choices, as the verdicts record them.
    expect(seenOf(report, 'schema/every-event-valid')).toContain('did not receive its own EventUserEvent');
    expect(seenOf(report, 'private-info/no-leak')).toContain('EventPrivateInfo before EventACK');
    expect(seenOf(report, 'restore-connection/names-backup')).toContain("naming the backup's port");
  });

  it(`passes every scenario but the application view with what real servers send (the realistic preset), ${REPEAT} runs each, and records it`, { timeout: 600_000 }, async () => {
    const report = await against(presetOptions('realistic'));
    expect(notPassed(report)).toEqual([]);
    // EventSequenceNumber and ServerStartTime on every event, ThisDN on EventACK: accepted, listed per run.
    expect(report.outsideTables?.EventACK).toEqual(expect.arrayContaining(['EventSequenceNumber', 'ServerStartTime', 'ThisDN']));
    expect(seenOf(report, 'ack/private-service/reference-id')).toContain('EventPrivateInfo alone');
    expect(seenOf(report, 'private-info/no-leak')).toContain('EventPrivateInfo alone');
  });

  it('accepts a granted Timeout shorter than requested and records it', { timeout: 120_000 }, async () => {
    const report = await against({ maxReserveMs: 1000 }, { ids: ['agent-reserved/timeout-milliseconds', 'agent-reserved/requester/echo'] });
    expect(notPassed(report)).toEqual([]);
    expect(seenOf(report, 'agent-reserved/timeout-milliseconds')).toContain('Timeout 1000 ms granted for 2500 ms requested');
  });

  it('accepts EventRestoreConnection in the same write as EventServerConnected and well after it', { timeout: 240_000 }, async () => {
    const ids = SCENARIOS.filter((s) => s.id.startsWith('restore-connection/')).map((s) => s.id);
    for (const restoreDelayMs of [0, 120]) {
      const report = await against({ restoreDelayMs, writeGapMs: 0 }, { ids });
      expect({ restoreDelayMs, failures: notPassed(report) }).toEqual({ restoreDelayMs, failures: [] });
    }
  });

  it('names a scenario for every mutant', () => {
    expect(MUTANTS.map((m) => m.id).filter((id) => !(id in SCENARIO_OF_MUTANT))).toEqual([]);
  });

  it('fails the bridge mutant (its library hands EventRestoreConnection to the application) in every run, and passes its clean bridge', { timeout: 300_000 }, async () => {
    const ids = ['restore-connection/not-delivered-to-app', 'restore-connection/not-delivered-to-app-after-switchover'];
    const clean = await throughBridge(undefined, ids);
    expect(notPassed(clean)).toEqual([]);
    for (const m of MUTANTS.filter((x) => x.where === 'bridge')) {
      const [r] = (await throughBridge(m.id, [SCENARIO_OF_MUTANT[m.id]!])).results;
      expect({ mutant: m.id, verdict: r?.verdict, failedRuns: r?.failedRuns ?? 1, quotes: plain(r?.reference ?? '').includes(plain(m.sentence)) }).toEqual({ mutant: m.id, verdict: 'fail', failedRuns: REPEAT, quotes: true });
    }
  });

  it('passes the mutants whose behaviour is now an allowed choice, recording it', { timeout: 120_000 }, async () => {
    for (const id of Object.keys(ALLOWED_NOW)) {
      const [r] = (await against({ mutant: id }, { ids: [SCENARIO_OF_MUTANT[id]!] })).results;
      expect({ id, verdict: r?.verdict, seen: r?.seen !== undefined }).toEqual({ id, verdict: 'pass', seen: true });
    }
  });

  // Against the default profile, which names nothing the switch lacks: the negative-input mutants are proven in fixed-resources.test.ts.
  const serverMutants = MUTANTS.filter((m) => m.where !== 'bridge' && !(m.id in ALLOWED_NOW) && !NEGATIVE_INPUTS.includes(SCENARIO_OF_MUTANT[m.id]!));
  it(`fails each of the ${serverMutants.length} server mutants in the scenario that names its sentence, ${REPEAT} runs of ${REPEAT}`, { timeout: 900_000 }, async () => {
    const outcomes: Array<{ mutant: string; scenario: string; verdict: string; failedRuns: number | undefined; quotes: boolean }> = [];
    const work = [...serverMutants];
    const worker = async (): Promise<void> => {
      for (let m = work.shift(); m; m = work.shift()) {
        const scenario = SCENARIO_OF_MUTANT[m.id]!;
        const report = await against({ mutant: m.id }, { ids: [scenario] });
        const r = report.results[0] as CaseResult;
        outcomes.push({ mutant: m.id, scenario, verdict: r.verdict, failedRuns: r.failedRuns ?? (r.verdict === 'pass' ? 0 : 1), quotes: plain(r.reference).includes(plain(m.sentence)) });
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    const wrong = outcomes.filter((o) => !['fail', 'timeout'].includes(o.verdict) || (o.failedRuns ?? 0) < REPEAT || !o.quotes);
    expect(wrong).toEqual([]);
    expect(outcomes.length).toBe(serverMutants.length);
  });
});
