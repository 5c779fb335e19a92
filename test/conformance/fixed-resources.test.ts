/**
 * The proof for profiles: a T-Server written by someone else
 * (test/second-server, strict mode) that serves only its configured DNs,
 * agents, places and calls and refuses everything else passes the suite when
 * the profile names exactly those, and fails without the profile.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { startVendorPair, type VendorHandle } from '../second-server/start.js';
import { cli } from './helpers.js';

const DNS = Array.from({ length: 10 }, (_, i) => String(8001 + i));
const CALL = { ConnID: '00000000000000c1', ThisDN: '8010' };
const hook = fileURLToPath(new URL('../second-server/hook.mjs', import.meta.url));

describe('a strict server that refuses every DN, agent, place and call it was not configured with', () => {
  let vendor: VendorHandle;
  let profile = '';
  let words: string[] = [];
  beforeAll(async () => {
    vendor = await startVendorPair({ resources: { dns: DNS, agents: ['a1', 'a2'], places: ['p1', 'p2'], calls: [CALL] } });
    const dir = mkdtempSync(join(tmpdir(), 'tlib-kit-fixed-'));
    profile = join(dir, 'lab.json');
    writeFileSync(
      profile,
      JSON.stringify({
        dns: DNS.map((dn) => ({ dn })),
        agents: [{ agentId: 'a1', place: 'p1' }, { agentId: 'a2', place: 'p2' }],
        call: { obtain: 'existing', calls: [CALL] },
      }),
    );
    const at = (port: number) => `tcp://127.0.0.1:${port}`;
    words = ['--target', at(vendor.primary.port), '--backup', at(vendor.backup.port), '--control', `node ${hook} 127.0.0.1:${vendor.controlPort}`];
  });
  afterAll(() => vendor.close());

  it('passes every scenario a TCP target can run with a profile naming only those resources', async () => {
    const r = await cli([...words, '--profile', profile]);
    expect({ code: r.code, problems: r.out.split('\n').filter((l) => /FAIL|TIMEOUT|ERROR/.test(l)) }).toEqual({ code: 0, problems: [] });
    // Only the application view is out of a TCP target's reach.
    expect(r.out).toMatch(new RegExp(`passed\\s+${SCENARIOS.length - 1}\\b`));
  }, 90_000);

  it('is refused without it: the built-in profile names DNs this server does not serve', async () => {
    const r = await cli([...words, '--run', 'ack/send-event/reference-id', '--trace']);
    // EventACK is the response the sentence requires: an EventError in its place fails, quoting what the server said.
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/RequestDistributeEvent was refused: EventError \(ErrorCode \d+, ErrorMessage \\?"DN \\+"7001\\+" is not served by this T-Server/);
    expect(r.out).toContain('DN \\"7001\\" is not served by this T-Server');
    expect(r.out).not.toMatch(/✓ ack\/send-event/);
  }, 30_000);
});
