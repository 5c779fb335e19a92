/**
 * EventHardwareError: "T-Server has detected inconsistent data or an
 * incomplete event flow in switch messaging—for instance, a wrong checksum
 * or missing attributes."
 */
import { sentence } from '../../src/reference/sentences.js';
import type { FaultKind, Scenario } from '../model/scenario.js';
import { event, mustEqual } from './check.js';
import { scenarioFamily } from './family.js';
import { registeredOn } from './registered.js';

const DETECTED = sentence('EventHardwareError.description.0');

const FAULTS: Array<{ kind: FaultKind; words: string }> = [
  { kind: 'checksum', words: 'a wrong checksum' },
  { kind: 'missing-attributes', words: 'missing attributes' },
  { kind: 'incomplete-flow', words: 'an incomplete event flow' },
];

export const HARDWARE_ERROR_SCENARIOS: Scenario[] = scenarioFamily(
  { needs: ['control:fault'], uses: { dns: 1 } },
  FAULTS.map(({ kind, words }) => ({
    id: `hardware-error/${kind}`,
    title: `EventHardwareError reports ${words} in switch messaging`,
    reference: DETECTED,
    cites: ['EventHardwareError.description.0', 'EventHardwareError.row.time'],
    run: async (ctx) => {
      const dn = ctx.resources.dn('dn');
      const a = await registeredOn(ctx, 'client-on-dn', dn);
      await ctx.control.fault(kind, { ThisDN: dn });
      const m = await a.expect(event('EventHardwareError', undefined, `after ${words} on ${dn}`));
      // ThisDN is Optional; when given it must be the DN the fault concerns.
      if (m.ThisDN === undefined) return ctx.seen('without ThisDN');
      mustEqual(a, m, 'ThisDN', dn, 'must name the DN of the faulty switch messaging', DETECTED);
      ctx.seen(`ThisDN ${dn}${m.ErrorCode !== undefined ? `, ErrorCode ${m.ErrorCode}` : ''}`);
    },
  })),
);
