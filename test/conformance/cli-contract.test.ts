/** conform as a CI gate: --list --json, run-level problems in every report, the reproduce command, no --strict. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../conformance/report/report-model.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { findAll, parseXml, textOf } from '../report/xml-parse.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tlib-kit-contract-'));
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/** A POSIX-shell line back to words (the reproduce command quotes with '...'). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!));
}

describe('conform --list --json', () => {
  it('prints every scenario as JSON: id, title, level, reference, needs, what it leases', async () => {
    const r = await cli(['--list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Array<{ id: string; title: string; level: string; reference: string; needs: string[] }>;
    expect(list.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
    const first = SCENARIOS[0]!;
    expect(list[0]).toEqual({ id: first.id, title: first.title, level: 'must', reference: first.reference, needs: [...first.needs], uses: { dns: 0, agents: 0, call: false, ...first.uses } });
    expect(list.some((s) => (s as { uses?: { dns: number } }).uses!.dns > 0)).toBe(true);
  });

  it('--json without a file outside --list is a usage error', async () => {
    const r = await cli(['--json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--json needs a file');
  });

  it('--strict is gone (the reference has no server-side should): an unknown option, exit 2', async () => {
    expect((await cli(['--strict', '--list'])).code).toBe(2);
  });
});

describe('a stale --known-failing entry', () => {
  it('fails the headline, the JUnit (a failing testcase) and the JSON report, and exits 1', async () => {
    const list = join(dir, 'stale.txt');
    writeFileSync(list, 'ack/user-event/reference-id\n');
    const r = await cli(['--run', 'ack/user-event', '--seed', '3', '--known-failing', list, '--junit', join(dir, 'stale.xml'), '--json', join(dir, 'stale.json'), '--html', join(dir, 'stale.html')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('RESULT: FAILED (1 run-level problem, 1 of 1 passed)');
    expect(r.out).not.toContain('RESULT: PASSED');
    const junit = parseXml(read('stale.xml'));
    expect(findAll(junit, 'testsuite')[0]!.attrs.failures).toBe('1');
    const run = findAll(junit, 'testcase').find((t) => t.attrs.name === 'run/known-lists')!;
    expect(textOf(findAll(run, 'failure')[0]!)).toContain('is listed as known failing (line 1) but now passes');
    const json = JSON.parse(read('stale.json')) as RunReport;
    expect(json.problems).toHaveLength(1);
    expect(json.argv).toEqual(['conform', '--run', 'ack/user-event', '--seed', '3', '--known-failing', list, '--junit', join(dir, 'stale.xml'), '--json', join(dir, 'stale.json'), '--html', join(dir, 'stale.html')]);
    expect(read('stale.html')).toContain('<strong class="state-label">FAILED</strong>');
    expect(read('stale.html')).toContain('Run-level problems (1)');
  }, 60_000);
});

describe('the reproduce command', () => {
  it('is printed under each failure and in every report, and rerunning it fails the same way with the same ReferenceIDs', async () => {
    const args = ['--sim-defect', 'ack-wrong-reference-id', '--run', 'ack', '--seed', '99', '--timeout', '800', '--json', join(dir, 'full.json'), '--junit', join(dir, 'full.xml'), '--html', join(dir, 'full.html')];
    const full = await cli(args);
    expect(full.code).toBe(1);
    const report = JSON.parse(read('full.json')) as RunReport;
    const failed = report.results.filter((x) => x.verdict !== 'pass' && x.verdict !== 'skip');
    expect(failed.length).toBeGreaterThan(1);
    const junit = read('full.xml');
    const html = read('full.html');
    for (const f of failed) {
      expect(f.reproduce).toBe(`tlib-kit conform --sim-defect ack-wrong-reference-id --timeout 800 --run ${f.id} --seed 99`);
      expect(full.out).toContain(`Reproduce: ${f.reproduce!}`);
      expect(junit).toContain(`Reproduce: ${f.reproduce!}`);
      expect(html).toContain(f.reproduce!);
    }
    const target = failed[failed.length - 1]!;
    const words = shellWords(target.reproduce!);
    expect(words.slice(0, 2)).toEqual(['tlib-kit', 'conform']);
    const again = await cli([...words.slice(2), '--json', join(dir, 'again.json')]);
    expect(again.code).toBe(1);
    const alone = (JSON.parse(read('again.json')) as RunReport).results;
    expect(alone.map((x) => [x.id, x.verdict])).toEqual([[target.id, target.verdict]]);
    const sentRefs = (r: RunReport['results'][number]) => r.exchange.filter((w) => w.dir === 'send').map((w) => w.message?.ReferenceID);
    expect(sentRefs(target).length).toBeGreaterThan(0);
    expect(sentRefs(alone[0]!)).toEqual(sentRefs(target));
  }, 90_000);
});
