/**
 * conform --shard 1/3, 2/3, 3/3 and merge-reports: every scenario runs in
 * exactly one shard, and the merged report has the verdicts, counts and exit
 * code of one unsharded run (with a defect on, so that some scenarios fail).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../cli/shard.js';
import { exitCodeOf } from '../../conformance/runner/aggregate.js';
import { mergeRunReports } from '../../conformance/runner/merge.js';
import type { RunReport } from '../../conformance/report/report-model.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { reportSchemaErrors } from '../report/report-schema.js';
import { cli as conformCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tlib-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ids = SCENARIOS.map((s) => s.id);
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as RunReport;

async function conformJson(name: string, ...args: string[]): Promise<{ code: number; report: RunReport }> {
  const file = join(dir, `${name}.json`);
  const { code } = await conformCli(['--sim-defect', 'reserved-leak', '--seed', '11', '--json', file, ...args]);
  return { code, report: read(file) };
}

describe('--shard i/n', () => {
  it('splits a list round robin into disjoint parts that cover it', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const parts = [1, 2, 3].map((i) => shardOf(items, { index: i, count: 3 }));
    expect(parts).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
  });

  it('refuses what is not i/n with 1 <= i <= n', () => {
    for (const bad of ['0/3', '4/3', '1/0', '2', 'a/b', '1/3/4']) expect(() => parseShard(bad)).toThrow(/--shard must be i\/n/);
    expect(parseShard(' 2/3 ')).toEqual({ index: 2, count: 3 });
  });
});

describe('conform --shard and merge-reports', () => {
  it('three shards cover every scenario once; merged they give the verdicts, counts and exit code of one run', async () => {
    const whole = await conformJson('whole');
    expect(whole.code).toBe(1);
    const shards = [];
    for (const i of [1, 2, 3]) shards.push(await conformJson(`shard-${i}`, '--shard', `${i}/3`));
    const ran = shards.flatMap((s) => s.report.results.map((r) => r.id));
    expect([...ran].sort()).toEqual([...ids].sort());
    for (const [i, s] of shards.entries()) expect(s.report.shard).toEqual({ index: i + 1, count: 3 });

    const merged = mergeRunReports(shards.map((s, i) => ({ report: s.report, source: `shard-${i + 1}.json` })), ids);
    expect(merged.summary).toEqual(whole.report.summary);
    expect(merged.results.map((r) => [r.id, r.verdict])).toEqual(whole.report.results.map((r) => [r.id, r.verdict]));
    expect(exitCodeOf(merged)).toBe(exitCodeOf(whole.report));
    expect(merged.summary.failed).toBeGreaterThan(0);
    // Shard and merged reports keep the report contract (spec/report.schema.json).
    for (const r of [...shards.map((x) => x.report), merged]) expect(reportSchemaErrors(r)).toEqual([]);
  }, 60_000);

  it('refuses a missing shard, a repeated one, and one from another split', async () => {
    const parts = [1, 2, 3].map((i) => ({ report: read(join(dir, `shard-${i}.json`)), source: `shard-${i}.json` }));
    expect(() => mergeRunReports(parts.slice(0, 2), ids)).toThrow(/shard 3\/3 missing/);
    expect(() => mergeRunReports([parts[0]!, parts[1]!, parts[1]!, parts[2]!], ids)).toThrow(/both shard 2\/3/);
    const other = { source: 'other.json', report: { ...parts[2]!.report, shard: { index: 3, count: 4 } } };
    expect(() => mergeRunReports([parts[0]!, parts[1]!, other], ids)).toThrow(/part of a run in 3 shards/);
    const overlap = { source: 'overlap.json', report: { ...parts[2]!.report, results: [...parts[2]!.report.results, parts[0]!.report.results[0]!] } };
    expect(() => mergeRunReports([parts[0]!, parts[1]!, overlap], ids)).toThrow(/is in both shard-1.json and overlap.json/);
  });
});
