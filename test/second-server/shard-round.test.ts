/**
 * The README's CI recipe on the vendor pair, one bounded round
 * (shard-rounds.ts runs ten): three `conform --shard i/3` processes started
 * together on one lab pair and its control channel merge to the verdict of
 * one unsharded run, and the server saw every pair change made under an
 * exclusive lease held alone. The lab pair jitters its fan-out and reports
 * faults on both servers, so a shard running beside another's pair change
 * would see it.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startVendorPair, type VendorHandle } from './start.js';
import { PRESETS } from './options.js';
import { requireBuiltCli } from './conform-run.js';
import { pairChanges, shardRound } from './shard-round.js';

let handle: VendorHandle | undefined;

beforeAll(() => requireBuiltCli());
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

describe('sharded conformance against one vendor pair', () => {
  it('three shards started at once merge to the unsharded verdict; every pair change holds the pair alone', { timeout: 600_000 }, async () => {
    const log: string[] = [];
    handle = await startVendorPair({ ...PRESETS.lab, log: (line) => log.push(line) });
    const target = [
      '--target', `tcp://127.0.0.1:${handle.primary.port}`,
      '--backup', `tcp://127.0.0.1:${handle.backup.port}`,
      '--control', `tcp://127.0.0.1:${handle.controlPort}`,
      '--timeout', '3000',
      '--profile', new URL('./lab-profile.json', import.meta.url).pathname,
    ];
    const round = await shardRound(target, 20261202, 3, log);
    expect(round.differences).toEqual([]);
    expect(round.reference.exitCode).toBe(0);
    expect(round.shardExitCodes).toEqual([0, 0, 0]);
    expect(Object.keys(round.merged.verdicts).length).toBeGreaterThan(30);
    // The runner leased the pair for its switchovers, link changes and faults.
    expect(round.pairChanges).toBeGreaterThan(0);
    expect(round.unguarded).toEqual([]);
  });

  it('reads a pair change outside an exclusive lease from the server log', () => {
    const lines = [
      'control: pair change switchover under lease {"mode":"exclusive","holders":1,"waiting":2}',
      'control: pair change setLink backup down under lease {"mode":"shared","holders":2,"waiting":0}',
      'control: pair change switchFault checksum under lease {"mode":null,"holders":0,"waiting":0}',
      'server one client 3: closed (peer closed)',
    ];
    const changes = pairChanges(lines);
    expect(changes.count).toBe(3);
    expect(changes.unguarded).toEqual([lines[1], lines[2]]);
  });
});
