/**
 * The built `tlib-kit fuzz --target` and `load --target` against servers
 * started apart from them: `tlib-kit sim` in its own process (clean, and
 * with a defect both must find), and the second T-Server implementation
 * (test/second-server), which makes the other allowed choices. Loopback
 * only; each run is a few seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendorPair, type VendorHandle } from '../second-server/start.js';

const MAIN = new URL('../../dist/cli/main.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tlib-scale-'));
const corpus = join(dir, 'corpus');

function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let [out, err] = ['', ''];
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** `tlib-kit sim` as a user starts it; resolves with its addresses once both servers listen. */
async function startSim(...args: string[]): Promise<{ child: ChildProcess; primary: string; backup: string }> {
  const child = spawn(process.execPath, [MAIN, 'sim', '--port', '0', '--backup-port', '0', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const [p, b] = [/primary .* on (\S+)\n/.exec(out), /backup .* on (\S+)\n/.exec(out)];
      if (p && b) resolve({ child, primary: `tcp://${p[1]}`, backup: `tcp://${b[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`tlib-kit sim exited with ${code}: ${out}`)));
  });
}

/** One worker unless the test is about workers: every thread loads the whole fuzzer, and the machine is shared. */
const FUZZ = ['fuzz', '--report-every', '0', '--corpus', corpus, '--workers', '1'];
const LOAD = ['load', '--clients', '40', '--events', '400', '--senders', '4', '--workers', '2', '--report-every', '0'];
const runsOf = (out: string) => Number(/^ {2}ok {3}live-server +(\d+) runs/m.exec(out)?.[1] ?? 0);

let sims: ChildProcess[] = [];
afterAll(() => {
  for (const s of sims) s.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('against tlib-kit sim in its own process', () => {
  let clean: Awaited<ReturnType<typeof startSim>>;
  let broken: Awaited<ReturnType<typeof startSim>>;
  beforeAll(async () => {
    [clean, broken] = await Promise.all([startSim(), startSim('--defect', 'user-event-not-delivered')]);
    sims = [clean.child, broken.child];
  });

  it('fuzz --target --backup on two workers: both streams run, no failure', async () => {
    const r = await cli(...FUZZ, '--workers', '2', '--target', clean.primary, '--backup', clean.backup, '--runs', '15', '--time', '600', '--seed', '3');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('fuzz: 2 workers');
    expect(runsOf(r.out)).toBe(30);
  }, 60_000);

  it('load --target on two workers: nothing lost, duplicated or misrouted', async () => {
    const json = join(dir, 'load.json');
    const r = await cli(...LOAD, '--target', clean.primary, '--json', json);
    expect(r.code, r.out).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { verb: string; target: string; tally: Record<string, number> };
    expect(report).toMatchObject({ verb: 'load', target: clean.primary, tally: { lost: 0, duplicated: 0, misrouted: 0, acked: 400 } });
    expect(report.tally.received).toBeGreaterThan(0);
  }, 60_000);

  it('a server that drops user events: fuzz on two workers reports the shrunk counterexample once, with a replay command that fails again; load counts the losses', async () => {
    // Bounded by runs, not seconds; a missing copy is waited for up to the step timeout, which is short here (loopback).
    const r = await cli(...FUZZ, '--workers', '2', '--target', broken.primary, '--runs', '300', '--time', '600', '--timeout', '400', '--seed', '9');
    expect(r.code).toBe(1);
    expect(r.out.match(/^FAIL live-server \(/gm)).toHaveLength(1);
    const replay = /^ {2}replay: tlib-kit (.*)$/m.exec(r.out)![1]!;
    expect(replay).toContain(`--target ${broken.primary}`);
    expect(replay).toContain('--timeout 400');
    const again = await cli(...replay.split(' '), '--corpus', corpus);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/^FAIL live-server/m);

    const l = await cli(...LOAD, '--target', broken.primary);
    expect(l.code).toBe(1);
    expect(l.out).toMatch(/FAIL: \d+ deliveries lost/);
  }, 90_000);

  it('an unreachable target is a usage error (exit 2), before any run', async () => {
    for (const verb of [FUZZ, LOAD]) {
      const r = await cli(...verb, '--target', 'tcp://127.0.0.1:1');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/cannot connect to 127\.0\.0\.1:1/);
    }
  }, 30_000);
});

describe('against the second T-Server implementation', () => {
  let vendor: VendorHandle;
  beforeAll(async () => {
    vendor = await startVendorPair({ controlPort: -1 });
  });
  afterAll(() => vendor.close());
  const at = (e: { host: string; port: number }) => `tcp://${e.host}:${e.port}`;

  it('fuzz --target passes: its other allowed choices (answer order, unregister of an unknown DN) are accepted', async () => {
    const r = await cli(...FUZZ, '--target', at(vendor.primary), '--backup', at(vendor.backup), '--runs', '20', '--time', '600', '--seed', '3');
    expect(r.code, r.out).toBe(0);
    expect(runsOf(r.out)).toBe(20);
  }, 60_000);

  it('load --target passes and records that the server does not echo user events to their sender', async () => {
    const r = await cli(...LOAD, '--target', at(vendor.primary));
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('the server does not echo user events to their sender');
  }, 60_000);
});

describe('fuzz --profile: the DNs a strict server serves', () => {
  const DNS = Array.from({ length: 10 }, (_, i) => String(8001 + i));
  let strict: VendorHandle;
  beforeAll(async () => {
    strict = await startVendorPair({ controlPort: -1, resources: { dns: DNS, agents: [], places: [], calls: [] } });
  });
  afterAll(() => strict.close());
  const at = (e: { host: string; port: number }) => `tcp://${e.host}:${e.port}`;
  const profileFile = (body: unknown) => {
    const file = join(mkdtempSync(join(tmpdir(), 'tlib-fuzz-profile-')), 'profile.json');
    writeFileSync(file, JSON.stringify(body));
    return file;
  };

  it('fuzzes only the profile\'s DNs, so a server refusing every other DN passes', async () => {
    const file = profileFile({ dns: DNS.map((dn) => ({ dn })) });
    const r = await cli(...FUZZ, '--target', at(strict.primary), '--backup', at(strict.backup), '--profile', file, '--runs', '20', '--time', '600', '--seed', '5');
    expect(r.code, r.out + r.err).toBe(0);
    expect(runsOf(r.out)).toBe(20);
  }, 60_000);

  it('a profile that breaks its schema, or --dns naming DNs it does not list, is a usage error (exit 2) naming the cause', async () => {
    const bad = await cli(...FUZZ, '--target', at(strict.primary), '--profile', profileFile({ dns: [{ dn: 8001 }] }), '--time', '1');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('/dns/0/dn: must be string');
    const both = await cli(...FUZZ, '--target', at(strict.primary), '--profile', profileFile({ dns: [{ dn: '8001' }] }), '--dns', '8001-8003', '--time', '1');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--dns names 8002, 8003, which the profile');
  }, 60_000);
});
