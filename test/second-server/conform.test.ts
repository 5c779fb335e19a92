/**
 * The whole conformance suite, through the built CLI, against the unmutated
 * vendor pair: every scenario must pass; only scenarios whose need the
 * target kind cannot meet may be skipped (app-view over TCP, raw-wire over a
 * bridge). Failures here that are the runner's are written up in
 * RUNNER-FINDINGS.md.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startVendorPair, type VendorHandle } from './start.js';
import { problems, requireBuiltCli, runConform, skipped, targetArgs } from './conform-run.js';

const RAW_WIRE = ['restore-connection/backup-role', 'restore-connection/names-backup', 'restore-connection/primary-role'];
const APP_VIEW = ['restore-connection/not-delivered-to-app'];

let handle: VendorHandle | undefined;

beforeAll(() => requireBuiltCli());
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

describe('conformance of the unmutated vendor pair', () => {
  it('passes every scenario over TCP with the command hook', { timeout: 200_000 }, async () => {
    handle = await startVendorPair();
    const run = await runConform([...targetArgs(handle, 'tcp+hook'), '--timeout', '3000']);
    expect(problems(run), run.output).toEqual([]);
    expect(skipped(run)).toEqual(APP_VIEW);
    expect(run.exitCode).toBe(0);
  });

  it('passes every scenario over TCP with the JSON-lines control channel', { timeout: 200_000 }, async () => {
    handle = await startVendorPair();
    const run = await runConform([...targetArgs(handle, 'tcp+channel'), '--timeout', '3000']);
    expect(problems(run), run.output).toEqual([]);
    expect(skipped(run)).toEqual(APP_VIEW);
    expect(run.exitCode).toBe(0);
  });

  it('passes every scenario through the exec bridge with the command hook', { timeout: 300_000 }, async () => {
    handle = await startVendorPair();
    // Each client session starts a bridge process: allow for a loaded machine.
    const run = await runConform([...targetArgs(handle, 'exec+hook'), '--timeout', '8000']);
    expect(problems(run), run.output).toEqual([]);
    expect(skipped(run)).toEqual(RAW_WIRE);
    expect(run.exitCode).toBe(0);
  });
});
