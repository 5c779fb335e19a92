/** The short load run of `npm test`: the same code as `npm run load`, 100 connections and 5,000 user events. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD, runLoad } from './run-load.js';

describe('load (short)', () => {
  it('100 clients, 5,000 user events from 10 senders: every delivery arrives once, in order, only where registered', async () => {
    const progress: string[] = [];
    const r = await runLoad({ ...DEFAULT_LOAD, clients: 100, events: 5000, senders: 10, timeoutMs: 60_000 }, (p) => progress.push(p.phase), 200);
    expect(r.failures).toEqual([]);
    expect(r.ok).toBe(true);
    // 50 DNs with 4 listeners each: every event is owed to exactly four receivers.
    expect(r.tally).toMatchObject({ expected: 20_000, received: 20_000, lost: 0, duplicated: 0, misrouted: 0, acked: 5000, sendErrors: 0 });
    expect(r.incidents).toMatchObject({ clientErrors: 0, disconnects: 0 });
    expect(r.rss.peakMb).toBeGreaterThan(0);
    expect(Number.isFinite(r.latencyMs.p99)).toBe(true);
  }, 60_000);

  it('refuses a shape it cannot run rather than reporting a vacuous pass', async () => {
    await expect(runLoad({ ...DEFAULT_LOAD, clients: 5, senders: 6 })).rejects.toThrow(/senders \(6\) cannot exceed clients \(5\)/);
    await expect(runLoad({ ...DEFAULT_LOAD, events: 0 })).rejects.toThrow(/events must be a positive integer/);
  });
});
