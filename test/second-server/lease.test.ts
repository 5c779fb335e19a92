/**
 * The pair lease as a table (lease.ts), without sockets: arrival order, no
 * starvation of an exclusive request, one lease per holder, drop on close.
 */
import { describe, expect, it } from 'vitest';
import { LeaseError, PairLease, type LeaseMode } from './lease.js';

/** Lets every settled grant run its callbacks. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

type Request = [holder: string, mode: LeaseMode];

/** Requests leases and records, in order, who was granted and who was dropped. */
function table() {
  const lease = new PairLease<string>();
  const granted: string[] = [];
  const dropped: string[] = [];
  /** Asks for leases in this order and, once the grants they allow have run, says who has been granted so far. */
  const ask = async (...requests: Request[]) => {
    for (const [holder, mode] of requests) void lease.acquire(holder, mode).then((ok) => (ok ? granted : dropped).push(holder));
    await settle();
    return [...granted];
  };
  /** Releases `holder`'s lease and, once the grants it allows have run, says who has been granted so far. */
  const release = async (holder: string) => {
    lease.release(holder);
    await settle();
    return [...granted];
  };
  return { lease, granted, dropped, ask, release };
}

describe('pair lease', () => {
  it('grants shared leases together and an exclusive one alone', async () => {
    const { lease, ask, release } = table();
    expect(await ask(['a', 'shared'], ['b', 'shared'])).toEqual(['a', 'b']);
    expect(lease.snapshot()).toEqual({ mode: 'shared', holders: 2, waiting: 0 });
    expect(await ask(['x', 'exclusive'])).toEqual(['a', 'b']);
    expect(await release('a')).toEqual(['a', 'b']);
    expect(await release('b')).toEqual(['a', 'b', 'x']);
    expect(lease.snapshot()).toEqual({ mode: 'exclusive', holders: 1, waiting: 0 });
  });

  it('grants in arrival order', async () => {
    const { ask, release } = table();
    expect(await ask(['x1', 'exclusive'], ['s1', 'shared'], ['x2', 'exclusive'], ['s2', 'shared'], ['s3', 'shared'])).toEqual(['x1']);
    expect(await release('x1')).toEqual(['x1', 's1']);
    expect(await release('s1')).toEqual(['x1', 's1', 'x2']);
    // The shared requests that waited together are granted together.
    expect(await release('x2')).toEqual(['x1', 's1', 'x2', 's2', 's3']);
  });

  it('does not starve a waiting exclusive request: later shared requests wait behind it', async () => {
    const { lease, ask, release } = table();
    expect(await ask(['s1', 'shared'])).toEqual(['s1']);
    // s2 and s3 are compatible with what is held (shared), but they arrived after the exclusive request.
    expect(await ask(['x', 'exclusive'], ['s2', 'shared'], ['s3', 'shared'])).toEqual(['s1']);
    expect(lease.snapshot()).toEqual({ mode: 'shared', holders: 1, waiting: 3 });
    expect(await release('s1')).toEqual(['s1', 'x']);
    expect(await release('x')).toEqual(['s1', 'x', 's2', 's3']);
  });

  it('refuses a second lease for one holder, held or waiting, and keeps the first', async () => {
    const { lease, ask, release } = table();
    expect(await ask(['a', 'shared'], ['b', 'exclusive'])).toEqual(['a']);
    expect(() => lease.acquire('a', 'exclusive')).toThrow(LeaseError);
    expect(() => lease.acquire('a', 'shared')).toThrow(expect.objectContaining({ code: 'already-leased' }));
    expect(() => lease.acquire('b', 'shared')).toThrow(expect.objectContaining({ code: 'already-leased' }));
    expect(lease.snapshot()).toEqual({ mode: 'shared', holders: 1, waiting: 1 });
    expect(await release('a')).toEqual(['a', 'b']);
  });

  it('refuses to release what the holder does not hold, changing nothing', async () => {
    const { lease, granted, ask } = table();
    expect(await ask(['a', 'exclusive'], ['b', 'shared'])).toEqual(['a']);
    expect(() => lease.release('b')).toThrow(expect.objectContaining({ code: 'not-leased' }));
    expect(() => lease.release('nobody')).toThrow(LeaseError);
    await settle();
    expect(granted).toEqual(['a']);
    expect(lease.snapshot()).toEqual({ mode: 'exclusive', holders: 1, waiting: 1 });
  });

  it('a dropped holder gives back its lease, and a dropped waiter leaves the queue unanswered', async () => {
    const { lease, granted, dropped, ask } = table();
    expect(await ask(['a', 'exclusive'], ['b', 'exclusive'], ['c', 'shared'])).toEqual(['a']);
    lease.drop('b');
    await settle();
    expect(dropped).toEqual(['b']);
    lease.drop('a');
    await settle();
    expect(granted).toEqual(['a', 'c']);
    expect(lease.snapshot()).toEqual({ mode: 'shared', holders: 1, waiting: 0 });
    // Dropping a holder that has nothing is harmless, and it may lease again.
    lease.drop('b');
    expect(await ask(['b', 'shared'])).toEqual(['a', 'c', 'b']);
  });
});
