/**
 * One attempt's view of its lease: labels to DNs and agents, and the call it
 * obtains. A scenario asking for more than its `uses` declares is a fault of
 * the scenario, reported as an internal error, never a verdict on the target.
 */
import { targetError } from '../model/failure.js';
import type { Lease } from '../profile/pool.js';
import type { Profile } from '../profile/model.js';
import type { Control, ObtainedCall, ScenarioResources } from '../model/scenario.js';

export class UndeclaredResource extends Error {}

function labelled<T>(items: readonly T[], what: string, scenarioId: string): (label: string) => T {
  const byLabel = new Map<string, T>();
  return (label) => {
    const known = byLabel.get(label);
    if (known !== undefined) return known;
    const next = items[byLabel.size];
    if (next === undefined) throw new UndeclaredResource(`scenario ${scenarioId} asked for ${what} "${label}" beyond the ${items.length} its "uses" declares`);
    byLabel.set(label, next);
    return next;
  };
}

export function leasedResources(lease: Lease, scenarioId: string, profile: Profile): ScenarioResources {
  const dn = labelled(lease.dns, 'DN', scenarioId);
  const agent = labelled(lease.agents, 'agent', scenarioId);
  return {
    dn: (label) => dn(label).dn,
    agent: (label = 'agent') => {
      const a = agent(label);
      return { AgentID: a.agentId, ...(a.place !== undefined ? { Place: a.place } : {}) };
    },
    // Nothing is leased: what does not exist cannot be used by two scenarios at once.
    absent: (kind) => {
      const named = kind === 'agent' ? profile.absent?.agents?.[0] : profile.absent?.calls?.[0];
      if (named === undefined) throw new UndeclaredResource(`scenario ${scenarioId} asked for an absent ${kind} without "uses": { "absent": "${kind}" }`);
      return named;
    },
  };
}

/** The call for ctx.obtainCall(): the leased existing call, or one the control hook makes on a leased DN. */
export function callObtainer(profile: Profile, lease: Lease, resources: ScenarioResources, control: Control, scenarioId: string): () => Promise<ObtainedCall> {
  return async () => {
    if (lease.call) return { ...lease.call };
    if (profile.call?.obtain !== 'control') throw new UndeclaredResource(`scenario ${scenarioId} obtains a call without "uses": { "call": true }`);
    const ThisDN = resources.dn('call');
    const ConnID = await control.call({ ThisDN });
    if (!/^[0-9a-f]{16}$/.test(ConnID)) throw targetError(`the control hook's call action answered "${ConnID}", not a ConnID of 16 lowercase hex digits`);
    return { ConnID, ThisDN };
  };
}
