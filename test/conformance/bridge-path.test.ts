/**
 * The exec path as spec/bridge-contract.md documents it: the shipped example
 * bridge with --control passes the whole suite twice in a row against one
 * simulator (the runner follows switchovers and restores the pair), and a
 * bridge's stderr is in the verdict of the scenario it broke.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCaseLine, renderHtmlReport, renderJunit } from '../../conformance/report/index.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { execTarget } from '../../conformance/targets/exec.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { NEGATIVE_INPUTS, cli, run } from './helpers.js';

const bridge = fileURLToPath(new URL('../../examples/pipe-bridge.mjs', import.meta.url));

describe('the example bridge with --control against one simulator', () => {
  let sim: SimHandle;
  beforeAll(async () => void (sim = await startSimulator({ port: 0, pair: true, controlPort: 0 })));
  afterAll(() => sim.close());

  it('passes every scenario a bridge can run, twice in a row, and leaves the pair as it found it', async () => {
    const target = `exec:BRIDGE_PRIMARY=127.0.0.1:${sim.primary.port} BRIDGE_BACKUP=127.0.0.1:${sim.backup!.port} node ${bridge}`;
    const control = `tcp://127.0.0.1:${sim.control!.port}`;
    for (const attempt of [1, 2]) {
      // Start-up has its own budget (startupMs); the steps get room for a shared, loaded CI machine.
      const r = await cli(['--target', target, '--control', control, '--timeout', '5000']);
      const lines = r.out.split('\n');
      const failed = lines.flatMap((l, i) => (/^ \S+ (FAIL|TIMEOUT|ERROR) /.test(l) ? [`${l} ${lines[i + 1]?.trim()}`] : []));
      expect({ attempt, code: r.code, failed }).toEqual({ attempt, code: 0, failed: [] });
      // Three raw-wire scenarios (ServerRole, UserData) cannot be seen through a bridge; everything else passes.
      expect(r.out).toMatch(new RegExp(`passed\\s+${SCENARIOS.filter((s) => !s.needs.includes('raw-wire') && !NEGATIVE_INPUTS.includes(s.id)).length}\\b`));
      expect(sim.ctl.state()).toMatchObject({ primary: 'a', links: { a: true, b: true } });
    }
  }, 120_000);
});

describe('a bridge that cannot start', () => {
  it('puts the last lines of its stderr in the verdict, the terminal line and JUnit', async () => {
    const target = execTarget({ command: `node -e "console.error('Cannot find module /nowhere/bridge.js'); process.exit(1)"` });
    const report = await run(target, { scenarios: SCENARIOS.filter((s) => s.id === 'ack/send-event/reference-id') });
    const [result] = report.results;
    expect(result?.verdict).toBe('error');
    expect(result?.reason).toContain('bridge exited (code 1)');
    expect(result?.reason).toContain('Cannot find module /nowhere/bridge.js');
    expect(renderCaseLine(result!, { color: false })).toContain('Cannot find module /nowhere/bridge.js');
    expect(renderJunit(report)).toContain('Cannot find module /nowhere/bridge.js');
    expect(renderHtmlReport(report)).toContain('Cannot find module /nowhere/bridge.js');
  });
});
