/**
 * Shards of one run on one shared target lease disjoint parts of the profile,
 * so two CI jobs against the same lab server never register on, reserve or
 * change the same DN, agent or call at once.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../conformance/profile/model.js';
import { profileForShard } from '../../conformance/profile/shard.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { shardOf } from '../../cli/shard.js';
import { startSimulator } from '../../src/sim/index.js';
import { cli } from './helpers.js';

const PROFILE: Profile = {
  dns: ['7001', '7002', '7003', '7004', '7005'].map((dn) => ({ dn })),
  agents: [{ agentId: 'a1' }, { agentId: 'a2' }, { agentId: 'a3' }],
  call: { obtain: 'existing', calls: [{ ConnID: '00000000000000c1', ThisDN: '7002' }, { ConnID: '00000000000000c2', ThisDN: '7004' }] },
};

describe('profileForShard', () => {
  const parts = [1, 2, 3].map((index) => profileForShard(PROFILE, { index, count: 3 }));

  it('deals DNs and agents so that no two shards share one and together they hold all', () => {
    const dns = parts.flatMap((p) => p.dns.map((d) => d.dn));
    const agents = parts.flatMap((p) => (p.agents ?? []).map((a) => a.agentId));
    expect(dns.sort()).toEqual(PROFILE.dns.map((d) => d.dn));
    expect(agents.sort()).toEqual(['a1', 'a2', 'a3']);
    expect(parts.map((p) => p.dns.length)).toEqual([2, 2, 1]);
  });

  it('gives each existing call to the shard holding its DN', () => {
    for (const p of parts) {
      const calls = p.call?.obtain === 'existing' ? p.call.calls : [];
      for (const c of calls) expect(p.dns.map((d) => d.dn)).toContain(c.ThisDN);
    }
    expect(parts.flatMap((p) => (p.call?.obtain === 'existing' ? p.call.calls : [])).length).toBe(2);
  });

  it('leaves an unsharded run its whole profile', () => {
    expect(profileForShard(PROFILE, { index: 1, count: 1 })).toBe(PROFILE);
  });
});

describe('conform --shard on a shared target', () => {
  it('leases only its part: with two DNs in the profile, each shard of 2 has one, and skips what needs two', async () => {
    const sim = await startSimulator({ port: 0, pair: true, controlPort: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'tlib-kit-profile-shard-'));
    try {
      const address = (a: { host: string; port: number }) => `tcp://${a.host}:${a.port}`;
      const file = join(dir, 'two-dns.json');
      writeFileSync(file, JSON.stringify({ dns: [{ dn: '7001' }, { dn: '7002' }], agents: [{ agentId: 'agent-1', place: 'place-1' }], call: { obtain: 'control' } }));
      // The shard that holds a scenario needing two DNs (round robin over the catalogue).
      const part = [1, 2].find((index) => shardOf(SCENARIOS, { index, count: 2 }).some((s) => (s.uses?.dns ?? 0) >= 2))!;
      const report = join(dir, `shard-${part}.json`);
      const r = await cli(['--target', address(sim.primary), '--backup', address(sim.backup!), '--control', address(sim.control!), '--profile', file, '--shard', `${part}/2`, '--seed', '7', '--json', report]);
      const { results } = JSON.parse(readFileSync(report, 'utf8')) as { results: Array<{ id: string; verdict: string; reason?: string }> };
      const twoDn = results.filter((x) => x.reason?.includes('needs 2 DN(s), the profile lists 1'));
      expect(twoDn.length, r.out).toBeGreaterThan(0);
      expect(results.filter((x) => x.verdict !== 'pass' && x.verdict !== 'skip'), r.out).toEqual([]);
    } finally {
      await sim.close();
    }
  }, 60_000);
});
