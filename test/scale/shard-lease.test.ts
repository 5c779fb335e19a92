/**
 * The pair is shared by the shards of a run: three `conform --shard i/3`
 * processes started at once against one `tlib-kit sim` (its control channel
 * holding the pair's lease, spec/target-contract.md) each pass, and merged
 * they give the verdicts of one unsharded run. Without the lease the shards'
 * switchovers and link changes reach each other's scenarios.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeRunReports } from '../../conformance/runner/merge.js';
import type { RunReport } from '../../conformance/report/report-model.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';

const MAIN = new URL('../../dist/cli/main.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tlib-shard-lease-'));

function cli(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

let sim: ChildProcess | undefined;
let words: string[] = [];
beforeAll(async () => {
  const child = spawn(process.execPath, [MAIN, 'sim', '--port', '0', '--backup-port', '0', '--control-port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  sim = child;
  let out = '';
  words = await new Promise<string[]>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const [p, b, c] = [/primary .* on (\S+)\n/, /backup .* on (\S+)\n/, /control channel listening on (\S+)\n/].map((r) => r.exec(out)?.[1]);
      if (p && b && c) resolve(['--target', `tcp://${p}`, '--backup', `tcp://${b}`, '--control', `tcp://${c}`]);
    });
    child.once('exit', (code) => reject(new Error(`tlib-kit sim exited with ${code}: ${out}`)));
  });
});
afterAll(() => {
  sim?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as RunReport;
const verdicts = (r: RunReport) => r.results.map((x) => [x.id, x.verdict]);

describe('three shards at once against one tlib-kit sim', () => {
  it('each passes, and merged they give the verdicts of one unsharded run', async () => {
    const whole = await cli('conform', ...words, '--seed', '4', '--json', join(dir, 'whole.json'));
    expect(whole.code, whole.out).toBe(0);
    const shards = await Promise.all([1, 2, 3].map((i) => cli('conform', ...words, '--seed', '4', '--shard', `${i}/3`, '--json', join(dir, `shard-${i}.json`))));
    for (const s of shards) expect(s.code, s.out).toBe(0);
    const ids = SCENARIOS.map((s) => s.id);
    const merged = mergeRunReports([1, 2, 3].map((i) => ({ report: read(join(dir, `shard-${i}.json`)), source: `shard-${i}.json` })), ids);
    expect(verdicts(merged)).toEqual(verdicts(read(join(dir, 'whole.json'))));
    expect(merged.summary.passed).toBeGreaterThan(30);
  }, 120_000);
});
