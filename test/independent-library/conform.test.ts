// The library suite, run against a library written from the reference and
// spec/ alone (hot-standby-library.mjs): it must pass a library that was not
// designed around the runner. Builds nothing: `npm test` builds dist/ first.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');
const library = 'exec:node test/independent-library/bridge.mjs';
const profilePath = join(root, 'test/independent-library/profile.json');
const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as { library: { userDataForms: string[] } };
const work = mkdtempSync(join(tmpdir(), 'indep-library-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Result { id: string; verdict: string; reason?: string; message?: string }
interface Report { results: Result[]; summary: { total: number; passed: number } }

/** Runs `conform --library`, returning its exit code and JSON report. */
async function conform(name: string, args: string[]): Promise<{ code: number; report: Report; output: string }> {
  const json = join(work, `${name}.json`);
  let code = 0;
  let output = '';
  try {
    const done = await run(process.execPath, [cli, 'conform', '--library', library, '--json', json, ...args], { cwd: root, maxBuffer: 64 << 20 });
    output = done.stdout + done.stderr;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    code = typeof failed.code === 'number' ? failed.code : -1;
    output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
  return { code, report: JSON.parse(readFileSync(json, 'utf8')) as Report, output };
}

// The only skip the contract documents: a UserData form the profile does not claim.
function documentedSkip(result: Result, claimed: string[]): boolean {
  const form = /does not claim "([a-z-]+)"/.exec(result.reason ?? '')?.[1];
  return result.verdict === 'skip' && form !== undefined && !claimed.includes(form) && result.id.endsWith(`/${form}`);
}

describe('conform --library against the independent library', () => {
  it('lists the library scenarios with their sentences', async () => {
    const { stdout } = await run(process.execPath, [cli, 'conform', '--library', library, '--list', '--json'], { cwd: root });
    const list = JSON.parse(stdout) as { id: string; level: string; reference: string }[];
    expect(list.length).toBeGreaterThanOrEqual(8);
    for (const scenario of list) {
      expect(scenario.id).toMatch(/^library\//);
      expect(['must', 'should']).toContain(scenario.level);
      expect(scenario.reference.length).toBeGreaterThan(0);
    }
  });

  it('passes every scenario; nothing is skipped but for a form the profile does not claim', async () => {
    const { code, report, output } = await conform('full', ['--profile', profilePath]);
    const { stdout } = await run(process.execPath, [cli, 'conform', '--library', library, '--list', '--json'], { cwd: root });
    const listed = (JSON.parse(stdout) as { id: string }[]).map((s) => s.id).sort();
    expect(report.results.map((r) => r.id).sort()).toEqual(listed);
    const bad = report.results.filter((r) => r.verdict !== 'pass' && !documentedSkip(r, profile.library.userDataForms));
    expect(bad, output).toEqual([]);
    expect(code, output).toBe(0);
  }, 180_000);

  it('skips, never passes, a UserData form the profile does not claim', async () => {
    const claimed = ['server-url'];
    const narrow = join(work, 'narrow-profile.json');
    writeFileSync(narrow, JSON.stringify({ dns: [{ dn: '7001' }], library: { userDataForms: claimed } }));
    const { code, report, output } = await conform('narrow', ['--profile', narrow, '--run', 'library/backup-reference']);
    expect(code, output).toBe(0);
    const verdicts = Object.fromEntries(report.results.map((r) => [r.id, r.verdict]));
    expect(verdicts).toEqual({
      'library/backup-reference/host-port-pairs': 'skip',
      'library/backup-reference/server-string': 'skip',
      'library/backup-reference/server-url': 'pass',
    });
    for (const r of report.results.filter((x) => x.verdict === 'skip')) expect(documentedSkip(r, claimed)).toBe(true);
  }, 120_000);
});
