/**
 * `tlib-kit fuzz` and `tlib-kit load` against a server whose ErrorMessage and
 * ThisDN carry terminal attacks: the preflight refusal and the failure
 * output reach the terminal with the text kept and every escape, control
 * and C1 character gone, and no line of the server's making.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command } from '../../cli/commander.js';
import { registerFuzz } from '../../cli/commands/fuzz.js';
import { registerLoad } from '../../cli/commands/load.js';
import { printLines, jsonText } from '../../cli/terminal.js';
import { FORGED_VERDICT, HOSTILE_TEXT, startHostileServer, TERMINAL_UNSAFE, type HostileServer } from '../helpers/hostile-server.js';

/** Runs one verb in this process and collects what it wrote to standard output and standard error. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command('tlib-kit').exitOverride();
  registerFuzz(program);
  registerLoad(program);
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((t) => ((out += String(t)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((t) => ((err += String(t)), true));
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'tlib-kit', ...args]);
    return { code: Number(process.exitCode ?? 0), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = before;
  }
}

/** The server's words arrived (so the check is not passing on silence), and nothing a terminal acts on did, nor a line of their own. */
function neutralised(text: string): void {
  expect(text).toContain('evidence');
  expect(text).not.toMatch(TERMINAL_UNSAFE);
  expect(text).not.toMatch(FORGED_VERDICT);
}

const servers: HostileServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function server(mode: 'refuse' | 'hostile'): Promise<string> {
  const s = await startHostileServer(mode);
  servers.push(s);
  return `tcp://127.0.0.1:${s.port}`;
}

let corpus = '';
beforeAll(() => {
  corpus = mkdtempSync(join(tmpdir(), 'tlib-terminal-sink-'));
  dirs.push(corpus);
});

describe('a preflight refusal that quotes the ErrorMessage', () => {
  it('fuzz: one line, exit 2, the text without its escapes', async () => {
    const r = await run(['fuzz', '--target', await server('refuse'), '--dns', '7001-7003', '--workers', '1', '--runs', '1', '--timeout', '2000', '--report-every', '0', '--corpus', corpus]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^tlib-kit fuzz: preflight/);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    neutralised(r.err);
  });

  it('load: one line, exit 2, the text without its escapes', async () => {
    const r = await run(['load', '--target', await server('refuse'), '--clients', '2', '--events', '2', '--senders', '1', '--workers', '1', '--timeout-s', '20']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^tlib-kit load: preflight/);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    neutralised(r.err);
  });
});

describe('failures caused by the server', () => {
  it('fuzz: the failure names the delivery no operation caused, neutralised', async () => {
    const r = await run(['fuzz', '--target', await server('hostile'), '--dns', '7001-7003', '--workers', '1', '--runs', '3', '--seed', '1', '--timeout', '2000', '--report-every', '0', '--corpus', corpus]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL live-server');
    neutralised(r.out);
    expect(r.err).not.toMatch(TERMINAL_UNSAFE);
  });

  it('load: the refusals and incidents quote the ErrorMessage, neutralised', async () => {
    const r = await run(['load', '--target', await server('hostile'), '--clients', '2', '--events', '2', '--senders', '1', '--workers', '1', '--timeout-s', '20']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL: /m);
    neutralised(r.out);
    expect(r.err).not.toMatch(TERMINAL_UNSAFE);
  });
});

describe('the sink itself', () => {
  it('prints each line as one line of plain text, keeping the words', () => {
    let text = '';
    printLines({ write: (t: string) => (text += t) }, ['a\x1b[31mred\x1b[0m\r\nRESULT: PASSED', '\u009b2Jb\u009d0;t\x07c']);
    expect(text).toBe('ared RESULT: PASSED\nbc\n');
  });

  it('writes JSON a parser reads back unchanged, with nothing a terminal acts on', () => {
    const value = { ThisDN: HOSTILE_TEXT, list: ['\u202e\u2028\x7f'] };
    const text = jsonText(value, 2);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).not.toMatch(TERMINAL_UNSAFE);
    expect(text).toContain('\\u009b');
  });
});
