/** The short load runs of `npm test`: the same code as `tlib-kit load`, small sizes, in one thread and spread over two. */
import { describe, expect, it } from 'vitest';
import { partitionsOf } from '../../load/plan.js';
import { DEFAULT_LOAD, runLoad } from '../../load/run-load.js';

describe('load (short)', () => {
  it('100 clients, 5,000 user events from 10 senders: every delivery arrives once, in order, only where registered', async () => {
    const progress: string[] = [];
    const r = await runLoad({ ...DEFAULT_LOAD, clients: 100, events: 5000, senders: 10, timeoutMs: 60_000 }, (p) => progress.push(p.phase), 200);
    expect(r.failures).toEqual([]);
    expect(r.ok).toBe(true);
    // 50 DNs with 4 listeners each: every event reaches four receivers; the simulator echoes a sender's own events (not owed).
    expect(r.tally).toMatchObject({ received: 20_000, lost: 0, duplicated: 0, misrouted: 0, acked: 5000, sendErrors: 0 });
    expect(r.tally.echoed).toBeGreaterThan(0);
    expect(r.tally.expected + r.tally.echoed).toBe(20_000);
    expect(r.incidents).toMatchObject({ clientErrors: 0, disconnects: 0 });
    expect(r.rss.peakMb).toBeGreaterThan(0);
    expect(Number.isFinite(r.latencyMs.p99)).toBe(true);
  }, 60_000);

  it('two worker threads split the clients: the same checks hold and every latency comes back', async () => {
    // Worker threads run the compiled kit: this test drives dist/ (npm test builds it first).
    const built = (await import(new URL('../../dist/load/run-load.js', import.meta.url).href)) as typeof import('../../load/run-load.js');
    const r = await built.runLoad({ ...DEFAULT_LOAD, clients: 40, events: 1000, senders: 4, workers: 2, timeoutMs: 60_000 });
    expect(r.failures).toEqual([]);
    // Two partitions of 20 clients, 10 DNs each: still four receivers per event.
    expect(r.tally).toMatchObject({ received: 4000, lost: 0, duplicated: 0, misrouted: 0, acked: 1000 });
    expect(r.tally.expected + r.tally.echoed).toBe(4000);
    expect(r.workers).toBe(2);
    expect(r.latencyMs.max).toBeGreaterThanOrEqual(r.latencyMs.p50);
  }, 60_000);

  it('--duration stops sending early; what was sent is what is owed', async () => {
    const r = await runLoad({ ...DEFAULT_LOAD, clients: 20, events: 2_000_000, senders: 2, window: 4, durationMs: 300, timeoutMs: 60_000 });
    expect(r.failures).toEqual([]);
    expect(r.tally.sent).toBeGreaterThan(0);
    expect(r.tally.sent).toBeLessThan(2_000_000);
    expect(r.tally.acked).toBe(r.tally.sent);
    expect(r.tally.received).toBe(r.tally.expected + r.tally.echoed);
    expect(r.tally.lost).toBe(0);
  }, 60_000);

  it('shards and workers get disjoint DN ranges and sender ids that together cover the run', () => {
    const total = { clients: 1000, events: 10_001, senders: 7 };
    const parts = [1, 2, 3].flatMap((i) => partitionsOf(total, { index: i, count: 3 }, i === 2 ? 1 : 2));
    expect(parts.reduce((n, p) => n + p.clients, 0)).toBe(1000);
    expect(parts.reduce((n, p) => n + p.events, 0)).toBe(10_001);
    expect(parts.reduce((n, p) => n + p.senders, 0)).toBe(7);
    for (const [i, a] of parts.entries()) {
      // A partition's DNs are dnBase .. dnBase + floor(clients / 2) - 1, its senders senderBase .. + senders - 1.
      for (const b of parts.slice(i + 1)) {
        expect(a.dnBase + Math.floor(a.clients / 2) <= b.dnBase || b.dnBase + Math.floor(b.clients / 2) <= a.dnBase).toBe(true);
        expect(a.senderBase + a.senders <= b.senderBase || b.senderBase + b.senders <= a.senderBase).toBe(true);
      }
    }
  });

  it('refuses a shape it cannot run rather than reporting a vacuous pass', async () => {
    await expect(runLoad({ ...DEFAULT_LOAD, clients: 5, senders: 6 })).rejects.toThrow(/senders \(6\) cannot exceed clients \(5\)/);
    await expect(runLoad({ ...DEFAULT_LOAD, events: 0 })).rejects.toThrow(/events must be a positive integer/);
    await expect(runLoad({ ...DEFAULT_LOAD, senders: 3, workers: 2, shard: { index: 1, count: 2 } })).rejects.toThrow(/senders \(3\) must be at least shards × workers/);
  });
});

describe('load against a server it was not written with (fixed DNs, password, late fan-out)', () => {
  it("spreads the clients over a profile's DN list, registers with its password, waits for late copies: nothing lost, doubled or misrouted", async () => {
    const { startVendorPair } = await import('../second-server/start.js');
    const dns = Array.from({ length: 16 }, (_, i) => String(5101 + i));
    const pair = await startVendorPair({ password: 'load-secret', resources: { dns, agents: [], places: [], calls: [] }, log: () => undefined });
    try {
      const r = await runLoad({ ...DEFAULT_LOAD, clients: 32, events: 1000, senders: 8, timeoutMs: 60_000, target: pair.primary, dns, password: 'load-secret', stepMs: 3000 });
      expect(r.failures).toEqual([]);
      expect(r.tally).toMatchObject({ lost: 0, duplicated: 0, misrouted: 0, acked: 1000, sendErrors: 0 });
      expect(r.tally.received).toBe(r.tally.expected + r.tally.echoed);
      expect(r.tally.expected).toBeGreaterThan(1000);
    } finally {
      await pair.close();
    }
  }, 60_000);

  it('a wrong password is refused at registration, not reported as lost deliveries', async () => {
    const { startVendorPair } = await import('../second-server/start.js');
    const pair = await startVendorPair({ password: 'right', log: () => undefined });
    try {
      const r = await runLoad({ ...DEFAULT_LOAD, clients: 4, events: 10, senders: 1, timeoutMs: 30_000, target: pair.primary, password: 'wrong' });
      expect(r.ok).toBe(false);
      expect(r.failures.join('\n')).toMatch(/refused|REGISTRATION_REFUSED|password/i);
      expect(r.tally.lost).toBe(0);
    } finally {
      await pair.close();
    }
  }, 60_000);

  it("refuses a profile's DN list too short for its parts", async () => {
    await expect(runLoad({ ...DEFAULT_LOAD, clients: 10, senders: 4, workers: 2, shard: { index: 1, count: 2 }, dns: ['5101', '5102', '5103'] })).rejects.toThrow(/3 DNs listed/);
  });
});
