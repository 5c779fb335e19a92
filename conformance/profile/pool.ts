/**
 * Leases the profile's DNs, agents and calls to scenario attempts. A lease
 * is exclusive, so scenarios that must not share a DN wait for each other
 * when the profile has too few: serialised, never sharing, never skipped for
 * being busy. A lease the profile can never grant is a skip reason instead.
 */
import type { ResourceUse } from '../model/scenario.js';
import type { ExistingCall, Profile, ProfileAgent, ProfileDn } from './model.js';

export interface Lease {
  dns: ProfileDn[];
  agents: ProfileAgent[];
  call?: ExistingCall;
  /** The existing call's DN, when the profile lists it: held so no other scenario registers there. */
  callDn?: ProfileDn;
}

interface Waiter {
  use: ResourceUse;
  grant: (lease: Lease) => void;
}

export class ResourcePool {
  private readonly freeDns: ProfileDn[];
  private readonly freeAgents: ProfileAgent[];
  private readonly freeCalls: ExistingCall[];
  private readonly waiters: Waiter[] = [];

  constructor(private readonly profile: Profile) {
    this.freeDns = [...profile.dns];
    this.freeAgents = [...(profile.agents ?? [])];
    this.freeCalls = profile.call?.obtain === 'existing' ? [...profile.call.calls] : [];
  }

  /** Why the profile can never grant `use` (counting everything it lists), or undefined. */
  lacks(use: ResourceUse): string | undefined {
    const reasons: string[] = [];
    const agents = this.profile.agents?.length ?? 0;
    if ((use.agents ?? 0) > agents) reasons.push(`needs ${use.agents} agent(s), the profile lists ${agents} (add "agents")`);
    if (use.call && !this.profile.call) reasons.push('needs a call, the profile says none (add "call": an existing call or {"obtain":"control"})');
    if (use.absent === 'agent' && !this.profile.absent?.agents?.length) reasons.push('needs an agent the switch does not have, the profile names none (add "absent": {"agents": ["…"]}): without one the positive-response sentence cannot be checked');
    if (use.absent === 'call' && !this.profile.absent?.calls?.length) reasons.push('needs a ConnID of no call on the switch, the profile names none (add "absent": {"calls": ["…"]}): without one the positive-response sentence cannot be checked');
    const dnsNeeded = (use.dns ?? 0) + (use.call ? this.callDnShare() : 0);
    if (dnsNeeded > this.profile.dns.length) reasons.push(`needs ${dnsNeeded} DN(s), the profile lists ${this.profile.dns.length} (add "dns")`);
    return reasons.length ? reasons.join('; ') : undefined;
  }

  /** Resolves once everything `use` asks for is free, and takes it. */
  acquire(use: ResourceUse): Promise<Lease> {
    return new Promise((grant) => {
      this.waiters.push({ use, grant });
      this.grantWaiting();
    });
  }

  release(lease: Lease): void {
    this.freeDns.push(...lease.dns, ...(lease.callDn ? [lease.callDn] : []));
    this.freeAgents.push(...lease.agents);
    if (lease.call) this.freeCalls.push(lease.call);
    // Keep the profile's order, so --seed replays the same DNs.
    this.freeDns.sort((a, b) => this.profile.dns.indexOf(a) - this.profile.dns.indexOf(b));
    this.grantWaiting();
  }

  /** 1 when an existing call's DN is one of the profile's DNs (then it is leased with the call). */
  private callDnShare(): number {
    const call = this.profile.call;
    if (call?.obtain !== 'existing') return 0;
    return call.calls.every((c) => this.profile.dns.some((d) => d.dn === c.ThisDN)) ? 1 : 0;
  }

  private grantWaiting(): void {
    for (let i = 0; i < this.waiters.length; ) {
      const w = this.waiters[i]!;
      const lease = this.take(w.use);
      if (!lease) {
        i++;
        continue;
      }
      this.waiters.splice(i, 1);
      w.grant(lease);
    }
  }

  private take(use: ResourceUse): Lease | undefined {
    let callDn: ProfileDn | undefined;
    let call: ExistingCall | undefined;
    if (use.call && this.profile.call?.obtain === 'existing') {
      call = this.freeCalls.find((c) => {
        const listed = this.profile.dns.find((d) => d.dn === c.ThisDN);
        return !listed || this.freeDns.includes(listed);
      });
      if (!call) return undefined;
      callDn = this.freeDns.find((d) => d.dn === call!.ThisDN);
    }
    const others = this.freeDns.filter((d) => d !== callDn);
    if (others.length < (use.dns ?? 0) || this.freeAgents.length < (use.agents ?? 0)) return undefined;
    const dns = others.slice(0, use.dns ?? 0);
    const agents = this.freeAgents.slice(0, use.agents ?? 0);
    remove(this.freeDns, callDn ? [...dns, callDn] : dns);
    remove(this.freeAgents, agents);
    if (call) remove(this.freeCalls, [call]);
    return { dns, agents, ...(call ? { call } : {}), ...(callDn ? { callDn } : {}) };
  }
}

function remove<T>(from: T[], items: readonly T[]): void {
  for (const item of items) from.splice(from.indexOf(item), 1);
}
