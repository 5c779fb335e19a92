/**
 * The deterministic plan of a load run: which DNs each client registers on
 * and which DN each (sender, seq) user event goes to. Both sides derive it
 * from the same numbers, so a receiver knows exactly which events it is
 * owed without any shared bookkeeping with the senders.
 */
export interface LoadShape {
  clients: number;
  events: number;
  senders: number;
}

export interface Plan extends LoadShape {
  /** Number of DNs; every client registers on two neighbouring ones, so each DN has up to four listeners. */
  readonly dnCount: number;
  /** Events sender s sends (the first senders take one more when events do not divide evenly). */
  eventsOf(sender: number): number;
  /** DN index that event (sender, seq) is sent to. */
  targetOf(sender: number, seq: number): number;
  /** DN indexes client c registers on (one or two, never repeated). */
  dnsOf(client: number): readonly number[];
  /** How many events each DN receives, summed over every sender. */
  readonly perDn: Uint32Array;
}

export function dnName(index: number): string {
  return `L${index}`;
}

export function makePlan(shape: LoadShape): Plan {
  const { clients, events, senders } = shape;
  const dnCount = Math.max(1, Math.floor(clients / 2));
  const eventsOf = (s: number) => Math.floor(events / senders) + (s < events % senders ? 1 : 0);
  // A multiplicative hash spreads one sender's consecutive events over all DNs, so every receiver hears from many senders interleaved.
  const targetOf = (s: number, seq: number) => (Math.imul(s * 65_537 + seq + 1, 0x9e37_79b1) >>> 0) % dnCount;
  const dnsOf = (c: number) => {
    const a = c % dnCount;
    const b = (c + 1) % dnCount;
    return a === b ? [a] : [a, b];
  };
  const perDn = new Uint32Array(dnCount);
  for (let s = 0; s < senders; s++) for (let q = 0, n = eventsOf(s); q < n; q++) perDn[targetOf(s, q)]!++;
  return { clients, events, senders, dnCount, eventsOf, targetOf, dnsOf, perDn };
}
