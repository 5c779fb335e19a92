/**
 * The library suite against this kit's own client through
 * examples/tclient-bridge.mjs (built package: `npm test` builds dist first),
 * and the command line around it.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConformCommand } from '../../cli/commands/conform.js';
import { LIBRARY_SCENARIOS } from '../../conformance/library/scenarios/index.js';
import { textOf, type LibrarySentenceId } from '../../conformance/library/sentences.js';
import { runLibrary, verdicts } from './run.js';

const BRIDGE = 'node examples/tclient-bridge.mjs';

function capture(): { io: { out: (t: string) => void; err: (t: string) => void; color: boolean }; out: () => string } {
  let text = '';
  return { io: { out: (t) => void (text += t), err: (t) => void (text += t), color: false }, out: () => text };
}

describe('conform --library against tlib-kit/client', () => {
  it('passes every library scenario, twice each', async () => {
    const report = await runLibrary(BRIDGE, { repeat: 2 });
    const notPassed = report.results.filter((r) => r.verdict !== 'pass').map((r) => `${r.id}: ${r.verdict} ${r.reason}`);
    expect(notPassed).toEqual([]);
    expect(report.results).toHaveLength(LIBRARY_SCENARIOS.length);
  }, 120_000);

  it('a UserData form the profile does not claim is skip, never pass', async () => {
    const report = await runLibrary(BRIDGE, { ids: ['library/backup-reference/server-string', 'library/backup-reference/host-port-pairs'], forms: ['host-port-pairs'] });
    expect(verdicts(report)).toEqual({ 'library/backup-reference/host-port-pairs': 'pass', 'library/backup-reference/server-string': 'skip' });
    expect(report.results.find((r) => r.verdict === 'skip')?.reason).toMatch(/does not claim "server-string"/);
  }, 60_000);

  it('--list --json with --library lists at least 8 scenarios, each with its sentence', async () => {
    const c = capture();
    expect(await runConformCommand(['--library', `exec:${BRIDGE}`, '--list', '--json'], c.io)).toBe(0);
    const list = JSON.parse(c.out()) as Array<{ id: string; reference: string; sentence: LibrarySentenceId; level: string }>;
    expect(list.length).toBeGreaterThanOrEqual(8);
    for (const s of list) {
      expect(s.id).toMatch(/^library\//);
      expect(s.reference).toContain(textOf(s.sentence));
    }
    expect(new Set(list.map((s) => s.level))).toEqual(new Set(['must', 'should']));
  });

  it('the command line runs a selection, writes the JSON report, exits 0; a bridge that cannot start exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lib-'));
    const json = join(dir, 'r.json');
    const ok = capture();
    expect(await runConformCommand(['--library', `exec:${BRIDGE}`, '--run', 'library/restore-connection', '--seed', '5', '--json', json], ok.io)).toBe(0);
    expect(ok.out()).toMatch(/must: all met; should: all met/);
    const broken = capture();
    expect(await runConformCommand(['--library', 'exec:exit 3', '--run', 'library/server-attribute/filled', '--seed', '5'], broken.io)).toBe(2);
    expect(broken.out()).toMatch(/preflight: the bridge could not open the library: the bridge exited \(code 3\)/);
    const usage = capture();
    expect(await runConformCommand(['--library', 'node x.js'], usage.io)).toBe(2);
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ dns: [{ dn: '7001' }], library: { userDataForms: ['nope'] } }));
    expect(await runConformCommand(['--library', `exec:${BRIDGE}`, '--profile', join(dir, 'p.json')], capture().io)).toBe(2);
  }, 60_000);

  it('--known-failing and --shard work as for servers: a mutant listed as known failing exits 0, a shard runs its part', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lib-'));
    const known = join(dir, 'known.txt');
    writeFileSync(known, 'library/restore-connection/role-0-not-dispatched\n');
    const c = capture();
    const mutant = 'exec:node test/library/mutant-bridge.mjs dispatches-restore-connection';
    expect(await runConformCommand(['--library', mutant, '--run', 'library/restore-connection/role-0-not-dispatched', '--known-failing', known, '--seed', '2'], c.io)).toBe(0);
    expect(c.out()).toMatch(/known failures\s+1/);
    const shard = capture();
    expect(await runConformCommand(['--library', `exec:${BRIDGE}`, '--run', 'library/restore-connection', '--shard', '2/2', '--seed', '2'], shard.io)).toBe(0);
    expect(shard.out()).toMatch(/1 library scenarios, shard 2\/2 of 2/);
  }, 60_000);
});
