/**
 * One verdict per server, on a shared target too: a message is attributed by
 * what it says and by the lease table, so a leak fails the scenario whose
 * event leaked (never the one that happened to be waiting), and the
 * observers' barriers make a late leak count on every run. Ten identical
 * runs against one shared simulator with a leak defect give the identical
 * set of failing scenarios, and each printed Reproduce command fails alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../conformance/report/report-model.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { startSimulator } from '../../src/sim/index.js';
import { DEFECTS, type DefectName } from '../../src/sim/defects/index.js';
import { sentence } from '../../src/reference/sentences.js';
import { cli } from './helpers.js';

const RUNS = 10;
const dir = mkdtempSync(join(tmpdir(), 'tlib-attribution-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Failures that neither cite nor quote the sentence the defect breaks: blamed on the wrong scenario. */
const misattributed = (defect: DefectName, r: RunReport): string[] => {
  const breaks = DEFECTS.find((d) => d.name === defect)!.breaks;
  return r.results
    .filter((x) => (x.verdict === 'fail' || x.verdict === 'timeout' || x.verdict === 'error') && !SCENARIOS.find((s) => s.id === x.id)?.cites.includes(breaks) && !x.reference.includes(sentence(breaks)))
    .map((x) => `${x.id}: ${x.verdict} quoting "${x.reference}"`);
};

const failing = (r: RunReport): string[] => r.results.filter((x) => x.verdict === 'fail' || x.verdict === 'timeout' || x.verdict === 'error').map((x) => x.id).sort();

/** The words of a printed Reproduce command after "tlib-kit conform" (its words need no shell quoting here). */
function reproduceArgs(command: string): string[] {
  const words = command.split(' ');
  expect(words.slice(0, 2)).toEqual(['tlib-kit', 'conform']);
  return words.slice(2);
}

async function sharedRuns(defect: DefectName): Promise<{ sets: string[][]; last: RunReport; reproduced: Array<{ id: string; verdict: string | undefined }> }> {
  const sim = await startSimulator({ port: 0, pair: true, controlPort: 0, defects: [defect] });
  try {
    const at = (a: { host: string; port: number }): string => `tcp://${a.host}:${a.port}`;
    const target = ['--target', at(sim.primary), '--backup', at(sim.backup!), '--control', at(sim.control!)];
    const sets: string[][] = [];
    let last: RunReport | undefined;
    for (let i = 0; i < RUNS; i++) {
      const file = join(dir, `${defect}-${i}.json`);
      await cli([...target, '--timeout', '1000', '--seed', '5', '--json', file]);
      last = JSON.parse(readFileSync(file, 'utf8')) as RunReport;
      sets.push(failing(last));
    }
    const reproduced = [];
    for (const r of last!.results.filter((x) => x.reproduce)) {
      const file = join(dir, `${defect}-again.json`);
      await cli([...reproduceArgs(r.reproduce!), '--json', file]);
      const again = JSON.parse(readFileSync(file, 'utf8')) as RunReport;
      reproduced.push({ id: r.id, verdict: again.results.find((x) => x.id === r.id)?.verdict });
    }
    return { sets, last: last!, reproduced };
  } finally {
    await sim.close();
  }
}

describe('attribution on a shared target', () => {
  it(`gives the same failing scenarios on ${RUNS} runs against one shared simulator with reserved-leak, each Reproduce failing alone`, { timeout: 600_000 }, async () => {
    const { sets, last, reproduced } = await sharedRuns('reserved-leak');
    // Every scenario that reserves an agent with a DN leaks its event: each fails, in every run, and nothing else does.
    expect(sets[0]).toEqual(['agent-reserved/no-leak', 'agent-reserved/registered-clients', 'agent-reserved/requester/echo', 'agent-reserved/timeout-milliseconds', 'schema/every-event-valid']);
    expect(misattributed('reserved-leak', last)).toEqual([]);
    expect(sets.filter((s) => JSON.stringify(s) !== JSON.stringify(sets[0]))).toEqual([]);
    expect(reproduced.filter((r) => r.verdict !== 'fail')).toEqual([]);
    expect(reproduced.map((r) => r.id).sort()).toEqual(sets[0]);
  });

  it(`gives the same failing scenarios on ${RUNS} runs with a leak written late (user-event-leak-late)`, { timeout: 600_000 }, async () => {
    const { sets, last, reproduced } = await sharedRuns('user-event-leak-late');
    // Each failure is a scenario that checks the sentence the late leak breaks, or quotes it.
    expect(misattributed('user-event-leak-late', last)).toEqual([]);
    expect(sets[0]).toContain('user-event/no-leak');
    expect(sets.filter((s) => JSON.stringify(s) !== JSON.stringify(sets[0]))).toEqual([]);
    expect(reproduced.filter((r) => r.verdict !== 'fail')).toEqual([]);
  });
});
