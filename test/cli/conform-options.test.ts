/** conform's rough edges: --list with a selection, report folders, "-" as standard output, the known-list hint, seeds, --repeat. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformCommand } from '../../cli/commands/conform.js';
import type { RunReport } from '../../conformance/report/report-model.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { parseXml } from '../report/xml-parse.js';

const dir = mkdtempSync(join(tmpdir(), 'tlib-conform-options-'));

async function conform(args: string[], extra: { progress?: boolean } = {}): Promise<{ code: number; out: string; err: string; stdout: string; progress: string }> {
  let [out, err, stdout, progress] = ['', '', '', ''];
  const code = await runConformCommand(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    stdout: (t) => (stdout += t),
    ...(extra.progress ? { progress: (t: string) => (progress += t) } : {}),
    color: false,
  });
  return { code, out, err, stdout, progress };
}

describe('conform --list', () => {
  it('lists what --run, --skip and --shard select', async () => {
    const ack = SCENARIOS.filter((s) => s.id.startsWith('ack/')).map((s) => s.id);
    const r = await conform(['--list', '--json', '--run', 'ack', '--skip', ack[0]!]);
    expect((JSON.parse(r.out) as Array<{ id: string }>).map((s) => s.id)).toEqual(ack.slice(1));
    const half = await conform(['--list', '--json', '--shard', '1/2']);
    const ids = (JSON.parse(half.out) as Array<{ id: string }>).map((s) => s.id);
    expect(ids.length).toBe(Math.ceil(SCENARIOS.length / 2));
    const text = await conform(['--list', '--run', 'ack']);
    expect(text.out.trim().split('\n')).toHaveLength(ack.length);
  });
});

describe('report paths', () => {
  it('creates missing folders for every report and the known-failing list', async () => {
    const base = join(dir, 'fresh', 'deeper');
    const r = await conform(['--run', 'ack/send-event', '--seed', '0', '--json', join(base, 'a/r.json'), '--junit', join(base, 'b/r.xml'), '--html', join(base, 'c/r.html'), '--write-known-failing', join(base, 'd/known.txt')]);
    expect(r.err).not.toContain('preflight');
    expect(r.code).toBe(0);
    for (const f of ['a/r.json', 'b/r.xml', 'c/r.html', 'c/r.css', 'c/r.js', 'd/known.txt']) expect(readFileSync(join(base, f), 'utf8').length).toBeGreaterThan(0);
    expect(readFileSync(join(base, 'c/r.html'), 'utf8')).toContain('<link rel="stylesheet" href="r.css">');
    // Seed 0 is a seed like any other (the schema and the docs allow it).
    expect((JSON.parse(readFileSync(join(base, 'a/r.json'), 'utf8')) as RunReport).seed).toBe(0);
  }, 60_000);

  it('--json - writes the report to standard output and everything else to standard error', async () => {
    const r = await conform(['--run', 'ack/send-event', '--json', '-']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.results.map((x) => x.id)).toEqual(['ack/send-event/reference-id']);
    expect(r.out).toBe('');
    expect(r.err).toContain('RESULT: PASSED');
    expect(r.err).not.toContain('report written');
  }, 60_000);

  it('refuses a negative or fractional seed', async () => {
    for (const seed of ['-1', '1.5', '2147483648']) {
      const r = await conform(['--seed', seed, '--run', 'ack/send-event']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--seed must be an integer from 0 to 2147483647');
    }
  });
});

describe('the known-failing hint', () => {
  it('is printed only when rewriting the list would change it', async () => {
    const args = ['--sim-defect', 'ack-wrong-reference-id', '--run', 'ack/user-event/reference-id', '--seed', '5', '--timeout', '800'];
    const list = join(dir, 'known.txt');
    const first = await conform([...args, '--write-known-failing', list]);
    expect(first.code).toBe(1);
    const gate = await conform([...args, '--known-failing', list]);
    expect(gate.code).toBe(0);
    expect(gate.out).toContain('RESULT: PASSED WITH KNOWN FAILURES (0 of 1 passed, 1 known failure)');
    expect(gate.out).not.toContain('to make the known-failing list match');
    writeFileSync(list, '# nothing known\n');
    const unlisted = await conform([...args, '--known-failing', list]);
    expect(unlisted.code).toBe(1);
    expect(unlisted.out).toContain('to make the known-failing list match');
  }, 60_000);
});

describe('--repeat', () => {
  it('shows in the header, the summary, the JSON and the JUnit, with a progress line per repeat', async () => {
    const xml = join(dir, 'repeat.xml');
    const r = await conform(['--run', 'ack/send-event', '--repeat', '3', '--junit', xml, '--json', join(dir, 'repeat.json')], { progress: true });
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toContain('1 scenarios, each 3 times');
    expect(r.out).toMatch(/Repeat\s+every scenario 3 times/);
    expect((JSON.parse(readFileSync(join(dir, 'repeat.json'), 'utf8')) as RunReport).repeat).toBe(3);
    expect(readFileSync(xml, 'utf8')).toContain('<property name="repeat" value="3"/>');
    parseXml(readFileSync(xml, 'utf8'));
    expect(r.progress.trim().split('\n')).toEqual(['[1/1] ack/send-event/reference-id: repeat 1/3 pass', '[1/1] ack/send-event/reference-id: repeat 2/3 pass', '[1/1] ack/send-event/reference-id: repeat 3/3 pass']);
  }, 60_000);

  it('prints no progress when nobody watches', async () => {
    const r = await conform(['--run', 'ack/send-event', '--repeat', '2']);
    expect(r.out + r.err).not.toContain('repeat 1/2');
  }, 60_000);
});
