// The same independent library, handling each frame it reads 40 ms after the previous one
// (in order; requests still go out at once): what a busy or loaded library does, and the
// reference allows it. The probe scenarios must give it the verdict they give the fast one
// on every run: a misdirected probe is forgiven until the library is proved to have read the
// role change, never by a count of probes. Builds nothing: `npm test` builds dist/ first.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'indep-slow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const RUNS = 3;

describe('conform --library against the independent library reading 40 ms late', () => {
  it(`passes the probe scenarios on each of ${RUNS} runs`, async () => {
    const json = join(work, 'slow.json');
    const args = ['dist/cli/main.js', 'conform', '--library', 'exec:node test/independent-library/bridge.mjs', '--profile', 'test/independent-library/profile.json'];
    args.push('--run', 'library/server-role-1', '--run', 'library/double-switchover', '--repeat', String(RUNS), '--json', json);
    await run(process.execPath, args, { cwd: root, env: { ...process.env, INDEP_LIBRARY_HANDLE_DELAY_MS: '40' }, maxBuffer: 64 << 20 }).catch(() => undefined);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { results: Array<{ id: string; verdict: string; reason?: string }> };
    expect(report.results.map((r) => r.id).sort()).toEqual(['library/double-switchover/new-primary-first', 'library/double-switchover/old-primary-first', 'library/server-role-1/requests-follow']);
    expect(report.results.filter((r) => r.verdict !== 'pass').map((r) => `${r.id}: ${r.verdict}: ${r.reason}`)).toEqual([]);
  }, 180_000);
});
