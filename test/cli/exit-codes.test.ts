/** One exit-code scheme for every verb (0 ok, 1 violations, 2 usage or harness) and NO_COLOR / FORCE_COLOR. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { colorWanted } from '../../cli/color.js';

const MAIN = new URL('../../cli/main.ts', import.meta.url).pathname;

function cli(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env };
  delete clean.NO_COLOR;
  delete clean.FORCE_COLOR;
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', env: { ...clean, ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('exit codes', () => {
  it.each([
    ['no arguments', []],
    ['an unknown verb', ['conformance']],
    ['an unknown option of the program', ['--bogus']],
    ['an unknown option of a verb', ['conform', '--bogus']],
    ['a missing argument', ['validate']],
    ['a bad option value', ['conform', '--timeout', 'soon']],
    ['a bad option of fuzz', ['fuzz', '--time', '-1']],
    ['a bad option of demo', ['demo', '--x']],
  ])('%s exits 2 (usage), with a message on stderr', (_what, args) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.err).not.toBe('');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--help and --version exit 0 and the help states the scheme', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Exit codes: 0 ok, 1 violations, 2 usage');
    expect(cli(['--version']).code).toBe(0);
  });
});

describe('colour', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it('follows the terminal by default', () => {
    expect(colorWanted(tty, {})).toBe(true);
    expect(colorWanted(pipe, {})).toBe(false);
  });
  it('NO_COLOR set and not empty turns it off, whatever its value; empty is ignored', () => {
    expect(colorWanted(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted(tty, { NO_COLOR: '0' })).toBe(false);
    expect(colorWanted(tty, { NO_COLOR: '' })).toBe(true);
  });
  it('FORCE_COLOR turns it on off a terminal, except 0 and false; it wins over NO_COLOR', () => {
    expect(colorWanted(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorWanted(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(colorWanted(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorWanted(tty, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colorWanted(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
  });
  it('conform paints its output with FORCE_COLOR and not without', () => {
    const plain = cli(['conform', '--run', 'ack/user-event', '--seed', '1']);
    const forced = cli(['conform', '--run', 'ack/user-event', '--seed', '1'], { FORCE_COLOR: '1' });
    expect(plain.code).toBe(0);
    expect(plain.out).not.toContain('\x1b[');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('\x1b[32m');
  }, 60_000);
});
