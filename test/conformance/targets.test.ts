/** Targets other than the embedded simulator: silent servers time out, unmet needs skip, the exec bridge works. */
import { createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { execTarget } from '../../conformance/targets/exec.js';
import { tcpTarget } from '../../conformance/targets/tcp.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { cli, NEGATIVE_INPUTS, run, verdicts } from './helpers.js';

/** The scenarios that need an application view, which a TCP target does not have. */
const APP_VIEW = SCENARIOS.filter((s) => s.needs.includes('app-view')).length;

const pick = (...ids: string[]) => SCENARIOS.filter((s) => ids.includes(s.id));

describe('a silent server', () => {
  let server: Server;
  let port = 0;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => {
    sockets.forEach((s) => s.destroy());
    server.close();
  });

  it('gives the timeout verdict within the start-up timeout, never a hang', async () => {
    // Never a hang: the test's own timeout is the guard; how long the run took on this machine is not asserted.
    const report = await run(tcpTarget({ primary: { host: '127.0.0.1', port }, connectTimeoutMs: 300 }), {
      scenarios: pick('ack/send-event/reference-id', 'agent-reserved/at-least-one'),
      timeoutMs: 300,
      startupMs: 300,
    });
    expect(verdicts(report)).toEqual({ 'ack/send-event/reference-id': 'timeout', 'agent-reserved/at-least-one': 'timeout' });
    expect(report.results[0]?.reason).toContain('EventServerConnected');
  });
});

describe('a TCP target', () => {
  let sim: SimHandle;
  beforeAll(async () => void (sim = await startSimulator({ port: 0, pair: true, controlPort: 0 })));
  afterAll(() => sim.close());

  it('skips, with the reason, scenarios whose needs it cannot meet', async () => {
    const report = await run(tcpTarget({ primary: sim.primary, connectTimeoutMs: 1000 }), {
      scenarios: pick('restore-connection/primary-role', 'hardware-error/checksum', 'restore-connection/not-delivered-to-app', 'user-event/delivered'),
    });
    expect(verdicts(report)).toEqual({
      'restore-connection/primary-role': 'skip',
      'hardware-error/checksum': 'skip',
      'restore-connection/not-delivered-to-app': 'skip',
      'user-event/delivered': 'pass',
    });
    const reasons = Object.fromEntries(report.results.map((r) => [r.id, r.reason ?? '']));
    expect(reasons['restore-connection/primary-role']).toContain('--backup');
    expect(reasons['hardware-error/checksum']).toContain('--control');
  });

  it('runs every scenario it can through a backup and the JSON-lines control channel', async () => {
    const address = (a: { host: string; port: number }) => `tcp://${a.host}:${a.port}`;
    const r = await cli(['--target', address(sim.primary), '--backup', address(sim.backup!), '--control', address(sim.control!), '--timeout', '1000', '--repeat', '2']);
    expect(r.code).toBe(0);
    // Everything but the application view, which a TCP target does not have.
    expect(r.out).toMatch(new RegExp(`passed\\s+${SCENARIOS.length - APP_VIEW - NEGATIVE_INPUTS.length}\\b`));
    expect(r.out).toMatch(new RegExp(`skipped\\s+${APP_VIEW + NEGATIVE_INPUTS.length}\\b`));
  });

  it('exits 2 with a clear message when the target cannot be reached', async () => {
    const r = await cli(['--target', 'tcp://127.0.0.1:1', '--timeout', '500']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('could not connect to tcp://127.0.0.1:1');
  });
});

describe('an exec bridge target', () => {
  let sim: SimHandle;
  const bridge = fileURLToPath(new URL('../../examples/pipe-bridge.mjs', import.meta.url));
  const command = (prefix = '') => `${prefix}BRIDGE_PRIMARY=127.0.0.1:${sim.primary.port} BRIDGE_BACKUP=127.0.0.1:${sim.backup!.port} node ${bridge}`;
  beforeAll(async () => void (sim = await startSimulator({ port: 0, pair: true })));
  afterAll(() => sim.close());
  const ids = ['ack/user-event/reference-id', 'user-event/this-dn', 'restore-connection/not-delivered-to-app', 'restore-connection/primary-role'];

  it('runs scenarios through the bridge, the application view included, and skips raw-wire ones', async () => {
    const report = await run(execTarget({ command: command() }), { scenarios: pick(...ids), timeoutMs: 5000 });
    expect(verdicts(report)).toEqual({
      'ack/user-event/reference-id': 'pass',
      'user-event/this-dn': 'pass',
      'restore-connection/not-delivered-to-app': 'pass',
      'restore-connection/primary-role': 'skip',
    });
  });

  it('fails a bridge whose library hands EventRestoreConnection to the application', async () => {
    // Forcing every session to be a plain pipe makes the bridge's "app" pass the event through.
    const report = await run(execTarget({ command: command('TLIB_KIT_SESSION=primary ') }), { scenarios: pick('restore-connection/not-delivered-to-app'), timeoutMs: 5000 });
    expect(verdicts(report)).toEqual({ 'restore-connection/not-delivered-to-app': 'fail' });
  });
});
