/**
 * The live-server property against a T-Server it was not written with: the
 * second server of test/second-server (written from the reference and spec/
 * alone) in strict-resources mode with an application password, driven
 * through a conform profile's terms (its DNs, agents, password, step
 * timeout). Unmutated it passes; each mutant below breaks one sentence the
 * conformance rules check on every received message, and the property finds
 * it. Bounded by run counts, not time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProfile } from '../conformance/profile/load.js';
import { startVendorPair } from '../test/second-server/start.js';
import { serverScriptArb } from './arbitrary/server-script.js';
import { liveServer } from './properties/server.js';
import { termsOfProfile, type LiveTarget } from './live/target.js';

const DNS = Array.from({ length: 16 }, (_, i) => String(5101 + i));
const AGENTS = ['1001', '1002', '1003', '1004', '1005', '1006'];
const PASSWORD = 'fuzz-secret';
const PROFILE = checkProfile(
  { dns: DNS.map((dn) => ({ dn })), agents: AGENTS.map((agentId, i) => ({ agentId, place: `place-${i + 1}` })), credentials: { applicationPassword: PASSWORD }, timeouts: { stepMs: 3000 } },
  'strict vendor profile',
).profile;

async function fuzz(mutant: string | undefined, numRuns: number) {
  const pair = await startVendorPair({
    password: PASSWORD,
    resources: { dns: DNS, agents: AGENTS, places: AGENTS.map((_, i) => `place-${i + 1}`), calls: [] },
    ...(mutant ? { mutant } : {}),
    log: () => undefined,
  });
  try {
    const target: LiveTarget = { primary: pair.primary, backup: pair.backup, dns: DNS.slice(0, 3), ...termsOfProfile(PROFILE) };
    return await fc.check(fc.asyncProperty(serverScriptArb(3, 12), (s) => liveServer(s, target)), { seed: 20261202, numRuns, endOnFailure: true });
  } finally {
    await pair.close();
  }
}

const reason = (d: { errorInstance?: unknown }) => (d.errorInstance instanceof Error ? d.errorInstance.message : String(d.errorInstance));

describe('live-server property against the second server (strict resources, password)', () => {
  it('passes unmutated', { timeout: 300_000 }, async () => {
    const d = await fuzz(undefined, 40);
    expect(d.failed ? reason(d) : 'passed').toBe('passed');
    expect(d.numRuns).toBe(40);
  });

  const MUTANTS: Array<[mutant: string, rule: RegExp]> = [
    ['ack-no-time', /EventACK.*time/],
    ['ack-subscription-id-everywhere', /SubscriptionID/],
    ['obsolete-resource-allocated', /obsolete/],
  ];
  for (const [mutant, rule] of MUTANTS) {
    it(`finds ${mutant}`, { timeout: 300_000 }, async () => {
      const d = await fuzz(mutant, 200);
      expect(d.failed, `${mutant} not found in ${d.numRuns} runs`).toBe(true);
      expect(reason(d)).toMatch(rule);
    });
  }
});
