/**
 * Target profiles: schema errors name the path, a resource the profile lacks
 * skips the scenario with the reason, leases never overlap and make scenarios
 * wait when DNs are few, and the credentials reach the server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProfile } from '../../conformance/profile/load.js';
import type { Profile } from '../../conformance/profile/model.js';
import { ResourcePool, type Lease } from '../../conformance/profile/pool.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { cli, NEGATIVE_INPUTS } from './helpers.js';

/** The scenarios that need an application view, which a TCP target does not have. */
const APP_VIEW = SCENARIOS.filter((s) => s.needs.includes('app-view')).length;

const dir = mkdtempSync(join(tmpdir(), 'tlib-kit-profile-'));
function profileFile(name: string, data: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(data));
  return file;
}
const dns = (...names: string[]) => names.map((dn) => ({ dn }));

describe('profile schema', () => {
  const errorOf = (data: unknown): string => {
    try {
      checkProfile(data, 'p.json');
    } catch (e) {
      return (e as Error).message;
    }
    return 'accepted';
  };

  it('accepts the built-in profile and a complete vendor profile', () => {
    expect(errorOf({ dns: dns('7001') })).toBe('accepted');
    const full = {
      description: 'lab',
      dns: [{ dn: '7001', type: 'DN' }, { dn: '7002', type: 'Position' }],
      agents: [{ agentId: '1001', place: 'P1' }],
      call: { obtain: 'existing', calls: [{ ConnID: '00000000000000c1', ThisDN: '7002' }] },
      credentials: { applicationPassword: 's3cret' },
      timeouts: { stepMs: 3000, startupMs: 15000, quietMs: 200 },
      supports: { pair: true, control: ['switchover', 'link'], appView: false },
    };
    expect(errorOf(full)).toBe('accepted');
  });

  it('names the JSON path of every mistake', () => {
    expect(errorOf({})).toContain("/: must have required property 'dns'");
    expect(errorOf({ dns: [{ dn: 7001 }] })).toContain('/dns/0/dn: must be string');
    expect(errorOf({ dns: [{ dn: '7001', type: 'Phone' }] })).toContain('/dns/0/type: must be one of "DN", "Position"');
    expect(errorOf({ dns: dns('7001'), dnz: [] })).toContain('/: unknown property "dnz"');
    expect(errorOf({ dns: dns('7001'), call: { obtain: 'existing', calls: [{ ConnID: 'XYZ', ThisDN: '7001' }] } })).toContain('/call/calls/0/ConnID: must match pattern');
    expect(errorOf({ dns: dns('7001'), supports: { control: ['teleport'] } })).toContain('/supports/control/0: must be one of');
    expect(errorOf({ dns: dns('7001', '7001') })).toContain('/dns/1/dn: DN "7001" is listed twice');
  });

  it('makes the command exit 2 with the file and the path, before any scenario', async () => {
    const r = await cli(['--profile', profileFile('bad.json', { dns: [{ dn: '' }] })]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('bad.json does not match spec/profile.schema.json');
    expect(r.err).toContain('/dns/0/dn: must NOT have fewer than 1 characters');
    const missing = await cli(['--profile', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read profile');
  });
});

describe('a profile that lacks a resource', () => {
  it('skips each scenario needing it, with the reason, and passes the rest', async () => {
    const file = profileFile('one-dn.json', { dns: dns('7001') });
    const r = await cli(['--profile', file, '--json', join(dir, 'one-dn-report.json')]);
    expect(r.code).toBe(0);
    const { results } = (await import(join(dir, 'one-dn-report.json'), { with: { type: 'json' } })).default as { results: Array<{ id: string; verdict: string; reason?: string }> };
    const byId = Object.fromEntries(results.map((x) => [x.id, x]));
    for (const s of SCENARIOS) {
      // The embedded target names its own absent agent and call, whatever the profile says.
      const lacks = (s.uses?.agents ?? 0) > 0 || s.uses?.call === true || (s.uses?.dns ?? 0) > 1;
      expect({ id: s.id, verdict: byId[s.id]?.verdict }).toEqual({ id: s.id, verdict: lacks ? 'skip' : 'pass' });
    }
    expect(byId['agent-reserved/requester/echo']?.reason).toContain('needs 1 agent(s), the profile lists 0');
    expect(byId['private-info/no-leak']?.reason).toContain('needs 2 DN(s), the profile lists 1');
    expect(byId['call-info-changed/conn-id']?.reason).toContain('needs a call, the profile says none');
    expect(byId['call-info-changed/conn-id']?.reason).toContain(file);
  });

  it('skips what the profile says the target does not support', async () => {
    const file = profileFile('no-pair.json', { dns: dns('7001', '7002'), supports: { pair: false, control: ['fault'] } });
    const r = await cli(['--profile', file, '--run', 'restore-connection/primary-role', '--run', 'primary-changed/resync', '--run', 'hardware-error/checksum']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/SKIP restore-connection\/primary-role[^\n]*\n[^\n]*"supports.pair"/);
    expect(r.out).toMatch(/SKIP primary-changed\/resync[^\n]*\n[^\n]*cannot do switchover/);
    expect(r.out).toMatch(/✓ hardware-error\/checksum/);
  });
});

describe('leases', () => {
  it('never give one DN, agent or call to two holders at once, and grant every request eventually', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.record({ dns: fc.integer({ min: 0, max: 2 }), agents: fc.integer({ min: 0, max: 1 }), call: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        async (n, uses) => {
          const profile: Profile = {
            dns: Array.from({ length: n }, (_, i) => ({ dn: String(7001 + i) })),
            agents: [{ agentId: 'a1' }],
            call: { obtain: 'existing', calls: [{ ConnID: '00000000000000c1', ThisDN: '7001' }] },
          };
          const pool = new ResourcePool(profile);
          const held = new Set<string>();
          const hold = async (lease: Lease): Promise<void> => {
            const names = [...lease.dns.map((d) => d.dn), ...(lease.callDn ? [lease.callDn.dn] : []), ...lease.agents.map((a) => `agent ${a.agentId}`), ...(lease.call ? [`call ${lease.call.ConnID}`] : [])];
            for (const x of names) {
              expect(held.has(x)).toBe(false);
              held.add(x);
            }
            await new Promise((r) => setTimeout(r, 1));
            names.forEach((x) => held.delete(x));
            pool.release(lease);
          };
          const grantable = uses.filter((u) => pool.lacks(u) === undefined);
          await Promise.all(grantable.map(async (u) => hold(await pool.acquire(u))));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('makes scenarios wait for each other on a shared target with two DNs, and all pass', async () => {
    const sim: SimHandle = await startSimulator({ port: 0, pair: true, controlPort: 0 });
    try {
      const address = (a: { host: string; port: number }) => `tcp://${a.host}:${a.port}`;
      const file = profileFile('two-dns.json', { dns: dns('7001', '7002'), agents: [{ agentId: 'agent-1', place: 'place-1' }], call: { obtain: 'control' } });
      const r = await cli(['--target', address(sim.primary), '--backup', address(sim.backup!), '--control', address(sim.control!), '--profile', file, '--json', join(dir, 'two.json')]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`passed\\s+${SCENARIOS.length - APP_VIEW - NEGATIVE_INPUTS.length}\\b`));
    } finally {
      await sim.close();
    }
  }, 60_000);
});

describe('credentials', () => {
  let sim: SimHandle;
  beforeAll(async () => void (sim = await startSimulator({ port: 0, pair: true, password: 's3cret' })));
  afterAll(() => sim.close());
  const target = () => `tcp://${sim.primary.host}:${sim.primary.port}`;

  it('are sent with every RequestRegisterClient', async () => {
    const ok = await cli(['--target', target(), '--profile', profileFile('pw.json', { dns: dns('7001'), credentials: { applicationPassword: 's3cret' } }), '--run', 'ack/send-event']);
    expect(ok.code).toBe(0);
    const wrong = await cli(['--target', target(), '--profile', profileFile('pw-wrong.json', { dns: dns('7001'), credentials: { applicationPassword: 'nope' } }), '--run', 'ack/send-event']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('preflight: the primary did not register a client');
  });
});
