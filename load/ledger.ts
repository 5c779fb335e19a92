/**
 * What one receiver got, checked against the plan as it arrives: an event
 * for a DN the receiver is not registered on is misrouted; an event whose
 * ThisDN is not the DN its (sender, seq) was sent to is misrouted too (the
 * wrong event reached the right DN); a (sender, seq) received before is a
 * duplicate. Whatever is owed and not received in the end is lost. One
 * below the last seen from that sender on that DN is counted as reordered:
 * the reference gives no order to deliveries (a server may fan each out
 * with its own delay), so that is the server's choice, recorded, not failed.
 *
 * A sender's own events on its own DNs are not owed to it: the reference
 * ("A user event from another client application has been received") allows
 * a server not to echo them. When they come, they are checked the same way
 * and counted as echoed, so the report says which choice the server made.
 */
import type { Plan } from './plan.js';

export interface LedgerTotals {
  expected: number;
  received: number;
  lost: number;
  duplicated: number;
  misrouted: number;
  /** Received after a later event of the same sender on the same DN (see above). */
  reordered: number;
  /** A sender's own events it received back (see above). */
  echoed: number;
}

export class ReceiverLedger {
  /** What the plan owes this receiver if every sender sends all its events. */
  readonly expected: number;
  private readonly dns: readonly number[];
  /** This receiver's own sender id, or -1 when it does not send. */
  private readonly self: number;
  /** Last seq seen per (DN slot, sender); -1 before the first. */
  private readonly last: Int32Array;
  /** Every (DN slot, sender, seq) received, to tell a duplicate from a late one. */
  private readonly seen = new Set<number>();
  received = 0;
  good = 0;
  echoed = 0;
  duplicated = 0;
  misrouted = 0;
  reordered = 0;

  constructor(
    private readonly plan: Plan,
    client: number,
  ) {
    this.dns = plan.dnsOf(client);
    this.self = client < plan.senders ? client : -1;
    this.expected = this.expectedOf(plan.perDn, this.self < 0 ? 0 : plan.eventsOf(this.self));
    this.last = new Int32Array(this.dns.length * plan.senders).fill(-1);
  }

  /** What this receiver is owed when each DN gets perDn[dn] events and it sent its first `ownSent` itself. */
  expectedOf(perDn: Uint32Array, ownSent: number): number {
    let own = 0;
    for (let q = 0; q < ownSent; q++) if (this.dns.includes(this.plan.targetOf(this.self, q))) own++;
    return this.dns.reduce((sum, dn) => sum + perDn[dn]!, 0) - own;
  }

  /** The own-sender id for expectedOf's `ownSent` (-1: not a sender). */
  get sender(): number {
    return this.self;
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
    const key = i * this.plan.eventsOf(0) + seq;
    if (this.seen.has(key)) {
      this.duplicated++;
      return false;
    }
    this.seen.add(key);
    if (seq < this.last[i]!) this.reordered++;
    else this.last[i] = seq;
    if (sender === this.self) this.echoed++;
    else this.good++;
    return true;
  }
}

/** The sum over receivers; `sent` is how many events each sender actually sent (all of the plan's when absent). */
export function totals(ledgers: readonly ReceiverLedger[], sent?: { perDn: Uint32Array; bySender: ArrayLike<number> }): LedgerTotals {
  const t: LedgerTotals = { expected: 0, received: 0, lost: 0, duplicated: 0, misrouted: 0, reordered: 0, echoed: 0 };
  for (const l of ledgers) {
    const expected = sent ? l.expectedOf(sent.perDn, l.sender < 0 ? 0 : (sent.bySender[l.sender] ?? 0)) : l.expected;
    t.expected += expected;
    t.received += l.received;
    t.lost += Math.max(0, expected - l.good);
    t.duplicated += l.duplicated;
    t.misrouted += l.misrouted;
    t.reordered += l.reordered;
    t.echoed += l.echoed;
  }
  return t;
}
