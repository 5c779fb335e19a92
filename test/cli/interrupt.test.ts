/** Ctrl-C: the run stops, every report asked for is written with what finished, marked interrupted, exit 130. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformCommand } from '../../cli/commands/conform.js';
import type { RunReport } from '../../conformance/report/report-model.js';
import { parseXml } from '../report/xml-parse.js';

const MAIN = new URL('../../cli/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tlib-interrupt-'));

function checkReports(prefix: string): RunReport {
  const json = JSON.parse(readFileSync(join(dir, `${prefix}.json`), 'utf8')) as RunReport;
  expect(json.interrupted).toBe(true);
  expect(json.state?.kind).toBe('interrupted');
  expect(json.state?.exitCode).toBe(130);
  expect(json.results.length).toBeGreaterThan(0);
  expect(json.planned).toBeGreaterThan(json.results.length);
  const xml = readFileSync(join(dir, `${prefix}.xml`), 'utf8');
  expect(xml).toContain('<property name="interrupted" value="true"/>');
  expect(xml).toContain('name="tlib-kit conformance (interrupted)"');
  parseXml(xml);
  expect(readFileSync(join(dir, `${prefix}.html`), 'utf8')).toContain('<strong class="state-label">INTERRUPTED</strong>');
  return json;
}

const reports = (prefix: string) => ['--json', join(dir, `${prefix}.json`), '--junit', join(dir, `${prefix}.xml`), '--html', join(dir, `${prefix}.html`)];

describe('an interrupted run', () => {
  it('writes every report with the scenarios that finished, marked interrupted, and returns 130', async () => {
    let stop!: (signal: string) => void;
    const interrupted = new Promise<string>((resolve) => (stop = resolve));
    let out = '';
    const code = await runConformCommand(['--seed', '1', '--repeat', '3', ...reports('embedded')], {
      out: (t) => {
        out += t;
        if (/^ ✓ /m.test(out)) stop('SIGINT');
      },
      err: () => undefined,
      color: false,
      interrupted,
    });
    expect(code).toBe(130);
    expect(out).toMatch(/RESULT: INTERRUPTED \(\d+ of \d+ scenarios finished before the run was stopped/);
    checkReports('embedded');
  }, 60_000);

  it('on Ctrl-C of the command line: a summary, the reports, exit 130', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'conform', '--seed', '2', '--repeat', '3', ...reports('process')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!sent && /^ ✓ /m.test(out)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(sent).toBe(true);
    expect(code).toBe(130);
    expect(out).toContain('RESULT: INTERRUPTED');
    checkReports('process');
  }, 90_000);
});
