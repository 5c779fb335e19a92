/**
 * The deterministic plan of a load run: which DNs each client registers on
 * and which DN each (sender, seq) user event goes to. Both sides derive it
 * from the same numbers, so a receiver knows exactly which events it is
 * owed without any shared bookkeeping with the senders.
 *
 * A run split over CI shards and worker threads is a set of partitions:
 * each has its own clients, senders, and a DN range and sender ids no other
 * partition uses, so an event that crosses partitions is caught as misrouted.
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
  /** How many events each DN receives when sender s sent only its first sent[s] (a run cut short by --duration). */
  perDnOf(sent: ArrayLike<number>): Uint32Array;
}

/** One partition's place in the whole run: its first global DN index and sender id, and how many DNs it has. */
export interface Partition extends LoadShape {
  dnBase: number;
  senderBase: number;
  dnCount?: number;
}

/** A plan over `dnCount` DNs (default: half the clients, so each DN has up to four listeners). */
export function makePlan(shape: LoadShape & { dnCount?: number }): Plan {
  const { clients, events, senders } = shape;
  const dnCount = shape.dnCount ?? Math.max(1, Math.floor(clients / 2));
  const eventsOf = (s: number) => Math.floor(events / senders) + (s < events % senders ? 1 : 0);
  // A multiplicative hash spreads one sender's consecutive events over all DNs, so every receiver hears from many senders interleaved.
  const targetOf = (s: number, seq: number) => (Math.imul(s * 65_537 + seq + 1, 0x9e37_79b1) >>> 0) % dnCount;
  const dnsOf = (c: number) => {
    const a = c % dnCount;
    const b = (c + 1) % dnCount;
    return a === b ? [a] : [a, b];
  };
  const perDnOf = (sent: ArrayLike<number>) => {
    const perDn = new Uint32Array(dnCount);
    for (let s = 0; s < senders; s++) for (let q = 0, n = Math.min(sent[s] ?? 0, eventsOf(s)); q < n; q++) perDn[targetOf(s, q)]!++;
    return perDn;
  };
  const perDn = perDnOf(Array.from({ length: senders }, (_, s) => eventsOf(s)));
  return { clients, events, senders, dnCount, eventsOf, targetOf, dnsOf, perDn, perDnOf };
}

/** Part i (0-based) of `total` split in `parts`: its size and where it starts. */
function split(total: number, parts: number, i: number): { size: number; base: number } {
  const q = Math.floor(total / parts);
  const r = total % parts;
  return { size: q + (i < r ? 1 : 0), base: i * q + Math.min(i, r) };
}

/**
 * The partitions of shard `shard` (1-based) of `shards`, one per worker.
 * A shard's DN range is as wide as its client count (a plan never has more
 * DNs than clients), so ranges depend only on the totals and the shard, not
 * on how many workers each machine runs. With a fixed list of `dnTotal` DNs
 * (a profile's), the list is split instead: every part gets DNs of its own.
 */
export function partitionsOf(total: LoadShape, shard: { index: number; count: number }, workers: number, dnTotal?: number): Partition[] {
  const i = shard.index - 1;
  const clients = split(total.clients, shard.count, i);
  const senders = split(total.senders, shard.count, i);
  const events = split(total.events, shard.count, i);
  const dns = dnTotal === undefined ? undefined : split(dnTotal, shard.count, i);
  return Array.from({ length: workers }, (_, w) => {
    const c = split(clients.size, workers, w);
    const s = split(senders.size, workers, w);
    const part = { clients: c.size, events: split(events.size, workers, w).size, senders: s.size, dnBase: clients.base + c.base, senderBase: senders.base + s.base };
    if (!dns) return part;
    const d = split(dns.size, workers, w);
    return { ...part, dnBase: dns.base + d.base, dnCount: Math.min(d.size, Math.max(1, Math.floor(c.size / 2))) };
  });
}
