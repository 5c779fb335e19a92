/**
 * The whole conformance suite, through the built CLI, against the unmutated
 * vendor pair: every scenario must pass; only scenarios whose need the
 * target kind cannot meet may be skipped (app-view over TCP, raw-wire over a
 * bridge). Failures here that are the runner's are written up in
 * RUNNER-FINDINGS.md.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startVendorPair, type VendorHandle } from './start.js';
import { PRESETS } from './options.js';
import { problems, requireBuiltCli, runConform, skipped, targetArgs } from './conform-run.js';

/** Negative inputs: these profiles name nothing the switch lacks, so those scenarios skip. */
const NEGATIVE = ['agent-reserved/unknown-agent', 'call-info-changed/unknown-call'];
const RAW_WIRE = [...NEGATIVE, 'restore-connection/backup-role', 'restore-connection/names-backup', 'restore-connection/primary-role'];
const APP_VIEW = [...NEGATIVE, 'restore-connection/not-delivered-to-app', 'restore-connection/not-delivered-to-app-after-switchover'];

let handle: VendorHandle | undefined;

beforeAll(() => requireBuiltCli());
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

// Each target kind, the step timeout it needs (a bridge starts one process per
// client session: allow for a loaded machine) and what it may skip. The settle
// window stays at 3 s: it is waited once per run and once per pair change, and
// the late behaviours it is for come within half a second.
const CASES = [
  { title: 'over TCP with the command hook', kind: 'tcp+hook', timeout: '3000', settle: '3000', skips: APP_VIEW },
  { title: 'over TCP with the JSON-lines control channel', kind: 'tcp+channel', timeout: '3000', settle: '3000', skips: APP_VIEW },
  { title: 'through the exec bridge with the command hook', kind: 'exec+hook', timeout: '20000', settle: '3000', skips: RAW_WIRE },
] as const;

describe('conformance of the unmutated vendor pair', () => {
  for (const c of CASES) {
    it(`passes every scenario ${c.title}`, { timeout: 300_000 }, async () => {
      handle = await startVendorPair();
      const run = await runConform([...targetArgs(handle, c.kind), '--timeout', c.timeout, '--settle', c.settle]);
      expect(problems(run), run.output).toEqual([]);
      expect(skipped(run)).toEqual(c.skips);
      expect(run.exitCode).toBe(0);
    });
  }
});

describe('conformance of the lab pair with its profile', () => {
  // Strict resources, a password, 0-120 ms fan-out jitter, the nested backup
  // reference, faults reported on the backup too, and what real servers send
  // (PRESETS.realistic: EventSequenceNumber, ServerStartTime, ThisDN on
  // EventACK, EventPrivateInfo alone answering TPrivateService()).
  const profile = new URL('./lab-profile.json', import.meta.url).pathname;
  for (const c of [
    { title: 'over TCP with the JSON-lines control channel', kind: 'tcp+channel', timeout: '3000', settle: '3000', skips: APP_VIEW },
    { title: 'through the exec bridge with the command hook', kind: 'exec+hook', timeout: '20000', settle: '3000', skips: RAW_WIRE },
  ] as const) {
    it(`passes every scenario ${c.title}`, { timeout: 300_000 }, async () => {
      handle = await startVendorPair(PRESETS.lab);
      const run = await runConform([...targetArgs(handle, c.kind), '--timeout', c.timeout, '--settle', c.settle, '--profile', profile]);
      expect(problems(run), run.output).toEqual([]);
      expect(skipped(run)).toEqual(c.skips);
      expect(run.exitCode).toBe(0);
    });
  }
});
