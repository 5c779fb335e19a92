/** The built command line as a user runs it: `node dist/cli/main.js` (npm test builds first). */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('../../dist/cli/main.js', import.meta.url).pathname;
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('tlib-kit (built)', () => {
  it('--version prints the package version', () => {
    expect(cli('--version')).toMatchObject({ code: 0, out: `${VERSION}\n` });
  });

  it('--help lists every command', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    for (const command of ['conform', 'decode', 'demo', 'encode', 'fuzz', 'load', 'merge-reports', 'sim', 'validate']) expect(r.out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('an unknown command is an error that points to --help', () => {
    const r = cli('conformance');
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown command 'conformance'");
    expect(r.err).toContain('--help');
  });

  it('demo encodes and decodes its sample', () => {
    const r = cli('demo');
    expect(r.code).toBe(0);
    expect(r.out).toContain('EventAgentReserved');
  });

  it('fuzz lists and runs every property, the binary-parser oracle included', () => {
    const list = cli('fuzz', '--list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^oracle-agrees /m);
    const run = cli('fuzz', '--runs', '100', '--property', 'oracle-agrees', '--report-every', '0', '--seed', '7', '--workers', '1');
    expect(run).toMatchObject({ code: 0 });
    expect(run.out).toMatch(/^fuzz: ok, 1 property, \d+ runs/m);
  });

  it('a reader that closes stdout early ends the output, not the command: no EPIPE trace, its own exit code', async () => {
    const child = spawn(process.execPath, [MAIN, 'conform', '--list'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
