import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVER_DEFECTS } from '../../src/sim/index.js';
import { backupPortOf } from '../../cli/commands/sim.js';
import { connectRegistered } from './wire-client.js';

const MAIN = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
const NODE_ARGS = ['--import', 'tsx', MAIN, 'sim'];

function runSync(args: string[]) {
  return spawnSync(process.execPath, [...NODE_ARGS, ...args], { encoding: 'utf8', timeout: 20_000 });
}

describe('backup port', () => {
  it('follows --port: +1 for a fixed port, a free one (0) with --port 0, as given when given', () => {
    expect(backupPortOf({ port: 7000 })).toBe(7001);
    expect(backupPortOf({ port: 9100 })).toBe(9101);
    expect(backupPortOf({ port: 0 })).toBe(0);
    expect(backupPortOf({ port: 0, backupPort: 7300 })).toBe(7300);
  });
});

describe('tlib-kit sim', () => {
  it('--defects lists every server-side defect, name then sentence, one per line', () => {
    const r = runSync(['--defects']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(SERVER_DEFECTS.map((d) => d.name));
    expect(lines.every((l) => /^[a-z0-9-]+\t\S.*\.$/.test(l))).toBe(true);
  });

  it('exits 2 with a clear message on an unknown or client-side defect and on a bad port', () => {
    const unknown = runSync(['--defect', 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown defect "nope"/);
    const client = runSync(['--defect', 'restore-connection-delivered']);
    expect(client.status).toBe(2);
    expect(client.stderr).toMatch(/client library/);
    const port = runSync(['--port', 'seventy']);
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/port number/);
  });

  it('prints where the servers and the control channel listen, serves, and stops cleanly on SIGTERM', async () => {
    // --port 0 alone: the backup takes a free port too (it used to bind 7001 whatever --port said).
    const child = spawn(process.execPath, [...NODE_ARGS, '--port', '0', '--control-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const end = Date.now() + 15_000;
      while (!/control channel listening/.test(out) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      const primary = /primary \(server a\) listening on 127\.0\.0\.1:(\d+)/.exec(out);
      const backup = /backup \(server b\) listening on 127\.0\.0\.1:(\d+)/.exec(out);
      const control = /control channel listening on 127\.0\.0\.1:(\d+)/.exec(out);
      expect(primary).not.toBeNull();
      const ports = [primary![1], backup![1], control![1]].map(Number);
      expect(ports.every((p) => p > 0 && p !== 7000 && p !== 7001)).toBe(true);
      expect(new Set(ports).size).toBe(3);
      const b = await connectRegistered(ports[1]!);
      expect(b.messages[0]).toMatchObject({ Event: 'EventServerConnected', ServerRole: 1 });
      b.close();
      const c = await connectRegistered(Number(primary![1]));
      expect(c.messages[0]).toMatchObject({ Event: 'EventServerConnected', ServerRole: 0 });
      c.close();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});

describe('tlib-kit sim --control-host', () => {
  /** Starts the simulator CLI, waits for its listener lines, stops it; returns what it printed. */
  async function listenLines(args: string[]): Promise<string> {
    const child = spawn(process.execPath, [...NODE_ARGS, '--port', '0', '--no-pair', '--control-port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await new Promise<void>((resolve) => {
        const check = () => (/control channel listening/.test(out) ? resolve() : undefined);
        child.stdout.on('data', check);
        child.once('exit', () => resolve());
        check();
      });
      return out;
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }

  it('keeps the control channel on loopback when the servers listen on every interface', async () => {
    const out = await listenLines(['--host', '0.0.0.0']);
    expect(out).toMatch(/primary \(server a\) listening on 0\.0\.0\.0:\d+/);
    expect(out).toMatch(/control channel listening on 127\.0\.0\.1:\d+/);
  }, 30_000);

  it('opens it elsewhere only when asked', async () => {
    const out = await listenLines(['--host', '0.0.0.0', '--control-host', '0.0.0.0']);
    expect(out).toMatch(/control channel listening on 0\.0\.0\.0:\d+/);
  }, 30_000);
});
