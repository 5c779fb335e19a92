/**
 * What one receiver got, checked against the plan as it arrives: an event
 * for a DN the receiver is not registered on is misrouted; an event whose
 * ThisDN is not the DN its (sender, seq) was sent to is misrouted too (the
 * wrong event reached the right DN); a (sender, seq) not above the last one
 * seen from that sender on that DN is a duplicate or out of order. Whatever
 * is owed and not received in the end is lost.
 */
import type { Plan } from './plan.js';

export interface LedgerTotals {
  expected: number;
  received: number;
  lost: number;
  duplicated: number;
  misrouted: number;
}

export class ReceiverLedger {
  /** What the plan owes this receiver if every sender sends all its events. */
  readonly expected: number;
  private readonly dns: readonly number[];
  /** Last seq seen per (DN slot, sender); -1 before the first. */
  private readonly last: Int32Array;
  received = 0;
  good = 0;
  duplicated = 0;
  misrouted = 0;

  constructor(
    private readonly plan: Plan,
    client: number,
  ) {
    this.dns = plan.dnsOf(client);
    this.expected = this.expectedOf(plan.perDn);
    this.last = new Int32Array(this.dns.length * plan.senders).fill(-1);
  }

  /** What this receiver is owed when each DN gets perDn[dn] events. */
  expectedOf(perDn: Uint32Array): number {
    return this.dns.reduce((sum, dn) => sum + perDn[dn]!, 0);
  }

  /** Records one EventUserEvent; returns false when it breaks a rule. */
  record(dn: number, sender: number, seq: number): boolean {
    this.received++;
    const slot = this.dns.indexOf(dn);
    const valid = Number.isInteger(sender) && sender >= 0 && sender < this.plan.senders && Number.isInteger(seq) && seq >= 0 && seq < this.plan.eventsOf(sender);
    if (slot < 0 || !valid || this.plan.targetOf(sender, seq) !== dn) {
      this.misrouted++;
      return false;
    }
    const i = slot * this.plan.senders + sender;
    if (seq <= this.last[i]!) {
      this.duplicated++;
      return false;
    }
    this.last[i] = seq;
    this.good++;
    return true;
  }
}

/** The sum over receivers; `perDn` is what was actually sent (the plan's own when absent). */
export function totals(ledgers: readonly ReceiverLedger[], perDn?: Uint32Array): LedgerTotals {
  const t: LedgerTotals = { expected: 0, received: 0, lost: 0, duplicated: 0, misrouted: 0 };
  for (const l of ledgers) {
    const expected = perDn ? l.expectedOf(perDn) : l.expected;
    t.expected += expected;
    t.received += l.received;
    t.lost += Math.max(0, expected - l.good);
    t.duplicated += l.duplicated;
    t.misrouted += l.misrouted;
  }
  return t;
}
