/** The load run's checker catches each way delivery can go wrong, so a clean load run means something. */
import { describe, expect, it } from 'vitest';
import { ReceiverLedger, totals } from '../../load/ledger.js';
import { makePlan } from '../../load/plan.js';

const plan = makePlan({ clients: 8, events: 400, senders: 4 });

/** The (sender, seq) events sent to client c's DNs, in the order a sender sends them; `own`: also those c sent itself. */
function owed(c: number, own = false): Array<[dn: number, sender: number, seq: number]> {
  const dns = plan.dnsOf(c);
  const out: Array<[number, number, number]> = [];
  for (let s = 0; s < plan.senders; s++) {
    if (s === c && !own) continue;
    for (let q = 0; q < plan.eventsOf(s); q++) if (dns.includes(plan.targetOf(s, q))) out.push([plan.targetOf(s, q), s, q]);
  }
  return out;
}

describe('receiver ledger', () => {
  it('the plan spreads events: every client is owed some, every DN has up to four listeners', () => {
    expect(plan.dnCount).toBe(4);
    expect([...plan.perDn].reduce((a, b) => a + b, 0)).toBe(400);
    for (let c = 0; c < plan.clients; c++) expect(owed(c).length).toBeGreaterThan(0);
  });

  it('a complete, in-order delivery is clean', () => {
    const l = new ReceiverLedger(plan, 3);
    for (const [dn, s, q] of owed(3)) expect(l.record(dn, s, q)).toBe(true);
    expect(totals([l])).toEqual({ expected: owed(3).length, received: owed(3).length, lost: 0, duplicated: 0, misrouted: 0, reordered: 0, echoed: 0 });
  });

  it("a sender's own events are not owed to it; echoed back, they are counted and checked like the rest", () => {
    const mine = owed(3, true).filter(([, s]) => s === 3);
    expect(mine.length).toBeGreaterThan(1);
    const l = new ReceiverLedger(plan, 3);
    for (const [dn, s, q] of owed(3, true)) expect(l.record(dn, s, q)).toBe(true);
    expect(totals([l])).toMatchObject({ expected: owed(3).length, lost: 0, echoed: mine.length });
    expect(l.record(...mine[0]!)).toBe(false);
    expect(totals([l]).duplicated).toBe(1);
  });

  it('counts a missing event as lost', () => {
    const l = new ReceiverLedger(plan, 3);
    owed(3).slice(1).forEach(([dn, s, q]) => l.record(dn, s, q));
    expect(totals([l]).lost).toBe(1);
  });

  it('counts a repeated event as duplicated; a late one as reordered, not lost or duplicated (the reference gives deliveries no order)', () => {
    const events = owed(3);
    const l = new ReceiverLedger(plan, 3);
    const [dn, s, q] = events[0]!;
    l.record(dn, s, q);
    expect(l.record(dn, s, q)).toBe(false);
    expect(totals([l]).duplicated).toBe(1);
    const sameSender = events.filter(([d, snd]) => d === dn && snd === s);
    const r = new ReceiverLedger(plan, 3);
    r.record(...sameSender[1]!);
    expect(r.record(...sameSender[0]!)).toBe(true);
    expect(totals([r])).toMatchObject({ duplicated: 0, reordered: 1 });
    expect(r.record(...sameSender[0]!)).toBe(false);
    expect(totals([r])).toMatchObject({ duplicated: 1, reordered: 1 });
    for (const e of events) if (e !== sameSender[0] && e !== sameSender[1]) r.record(...e);
    expect(totals([r]).lost).toBe(0);
  });

  it('counts an event for a DN the receiver is not on, or a DN its sequence was not sent to, as misrouted', () => {
    const l = new ReceiverLedger(plan, 0);
    const foreign = owed(2).find(([dn]) => !plan.dnsOf(0).includes(dn))!;
    expect(l.record(...foreign)).toBe(false);
    const [dn, s, q] = owed(0)[0]!;
    const otherDn = plan.dnsOf(0).find((d) => d !== dn)!;
    expect(l.record(otherDn, s, q)).toBe(false);
    expect(l.record(dn, Number.NaN, q)).toBe(false);
    expect(l.record(dn, s, plan.eventsOf(s))).toBe(false);
    expect(totals([l]).misrouted).toBe(4);
  });
});
