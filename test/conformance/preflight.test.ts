/**
 * Preflight: a harness that cannot work gives one line naming the cause and
 * exit 2 before any scenario runs, never a suite of verdicts blaming the target.
 */
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { cli } from './helpers.js';

/** No scenario line was printed: the run stopped before the suite. */
function stoppedBeforeScenarios(r: { out: string; err: string }): void {
  expect(r.out).toBe('');
  expect(r.err.trim().split('\n')).toHaveLength(1);
}

describe('preflight', () => {
  let sim: SimHandle;
  let http: Server;
  let httpPort = 0;
  const bridge = fileURLToPath(new URL('../../examples/pipe-bridge.mjs', import.meta.url));
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, pair: true, controlPort: 0 });
    http = createServer((s) => s.on('data', () => s.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    httpPort = (http.address() as { port: number }).port;
  });
  afterAll(async () => {
    http.close();
    await sim.close();
  });
  const address = (a: { host: string; port: number }) => `tcp://${a.host}:${a.port}`;

  it('names a target that does not speak the wire format (an HTTP server)', async () => {
    const r = await cli(['--target', `tcp://127.0.0.1:${httpPort}`, '--timeout', '500']);
    expect(r.code).toBe(2);
    stoppedBeforeScenarios(r);
    expect(r.err).toMatch(/preflight: the primary did not register a client .*unreadable stream: .*frame length \d+ exceeds/);
    expect(r.err).toContain('spec/wire-format.md');
  });

  it('names a bridge that cannot start, with its stderr', async () => {
    const r = await cli(['--target', 'exec:node /nowhere/missing-bridge.mjs', '--timeout', '500']);
    expect(r.code).toBe(2);
    stoppedBeforeScenarios(r);
    expect(r.err).toMatch(/preflight: .*bridge exited \(code 1\).*Cannot find module/);
  });

  it('names a control hook that does not run', async () => {
    const r = await cli(['--target', address(sim.primary), '--backup', address(sim.backup!), '--control', '/nowhere/hook.sh', '--timeout', '1000']);
    expect(r.code).toBe(2);
    stoppedBeforeScenarios(r);
    expect(r.err).toMatch(/preflight: the control hook failed: control command "\/nowhere\/hook.sh link primary up" exited with 127/);
  });

  it('names a report path that cannot be written', async () => {
    for (const [option, path, why] of [
      // Missing folders are created; a file where a folder should be cannot be.
      ['--json', `${fileURLToPath(import.meta.url)}/reports/report.json`, `${fileURLToPath(import.meta.url)} is not a directory`],
      ['--junit', fileURLToPath(new URL('.', import.meta.url)), 'it is a directory'],
    ] as const) {
      const r = await cli(['--run', 'ack', option, path]);
      expect(r.code).toBe(2);
      stoppedBeforeScenarios(r);
      expect(r.err).toContain(`preflight: cannot write the ${option} report to ${path}: ${why}`);
    }
  });

  it('lets a working bridge and hook through to the suite', async () => {
    const r = await cli([
      '--target',
      `exec:BRIDGE_PRIMARY=127.0.0.1:${sim.primary.port} BRIDGE_BACKUP=127.0.0.1:${sim.backup!.port} node ${bridge}`,
      '--control',
      address(sim.control!),
      '--run',
      'ack/send-event',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/passed\s+1/);
  });
});
