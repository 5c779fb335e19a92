/**
 * The pair lease as a table (lease.ts), without sockets: arrival order, no
 * starvation of an exclusive request, one lease per holder, drop on close.
 */
import { describe, expect, it } from 'vitest';
import { LeaseError, PairLease, type LeaseMode } from './lease.js';

/** Lets every settled grant run its callbacks. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Requests leases and records, in order, who was granted and who was dropped. */
function table() {
  const lease = new PairLease<string>();
  const granted: string[] = [];
  const dropped: string[] = [];
  const ask = (holder: string, mode: LeaseMode) =>
    void lease.acquire(holder, mode).then((ok) => (ok ? granted : dropped).push(holder));
  return { lease, granted, dropped, ask };
}

describe('pair lease', () => {
  it('grants shared leases together and an exclusive one alone', async () => {
    const { lease, granted, ask } = table();
    ask('a', 'shared');
    ask('b', 'shared');
    await settle();
    expect(granted).toEqual(['a', 'b']);
    expect(lease.snapshot()).toEqual({ mode: 'shared', holders: 2, waiting: 0 });
    ask('x', 'exclusive');
    await settle();
    expect(granted).toEqual(['a', 'b']);
    lease.release('a');
    await settle();
    expect(granted).toEqual(['a', 'b']);
    lease.release('b');
    await settle();
    expect(granted).toEqual(['a', 'b', 'x']);
    expect(lease.snapshot()).toEqual({ mode: 'exclusive', holders: 1, waiting: 0 });
  });

  it('grants in arrival order', async () => {
    const { lease, granted, ask } = table();
    ask('x1', 'exclusive');
    ask('s1', 'shared');
    ask('x2', 'exclusive');
    ask('s2', 'shared');
    ask('s3', 'shared');
    await settle();
    expect(granted).toEqual(['x1']);
    lease.release('x1');
    await settle();
    expect(granted).toEqual(['x1', 's1']);
    lease.release('s1');
    await settle();
    expect(granted).toEqual(['x1', 's1', 'x2']);
    lease.release('x2');
    await settle();
    // The shared requests that waited together are granted together.
    expect(granted).toEqual(['x1', 's1', 'x2', 's2', 's3']);
  });

  it('does not starve a waiting exclusive request: later shared requests wait behind it', async () => {
    const { lease, granted, ask } = table();
    ask('s1', 'shared');
    await settle();
    ask('x', 'exclusive');
    // Compatible with what is held (shared), but it arrived after the exclusive request.
    ask('s2', 'shared');
    ask('s3', 'shared');
    await settle();
    expect(granted).toEqual(['s1']);
    expect(lease.snapshot()).toEqual({ mode: 'shared', holders: 1, waiting: 3 });
    lease.release('s1');
    await settle();
    expect(granted).toEqual(['s1', 'x']);
    lease.release('x');
    await settle();
    expect(granted).toEqual(['s1', 'x', 's2', 's3']);
  });

  it('refuses a second lease for one holder, held or waiting, and keeps the first', async () => {
    const { lease, granted, ask } = table();
    ask('a', 'shared');
    ask('b', 'exclusive');
    await settle();
    expect(() => lease.acquire('a', 'exclusive')).toThrow(LeaseError);
    expect(() => lease.acquire('a', 'shared')).toThrow(expect.objectContaining({ code: 'already-leased' }));
    expect(() => lease.acquire('b', 'shared')).toThrow(expect.objectContaining({ code: 'already-leased' }));
    expect(lease.snapshot()).toEqual({ mode: 'shared', holders: 1, waiting: 1 });
    lease.release('a');
    await settle();
    expect(granted).toEqual(['a', 'b']);
  });

  it('refuses to release what the holder does not hold, changing nothing', async () => {
    const { lease, granted, ask } = table();
    ask('a', 'exclusive');
    ask('b', 'shared');
    await settle();
    expect(() => lease.release('b')).toThrow(expect.objectContaining({ code: 'not-leased' }));
    expect(() => lease.release('nobody')).toThrow(LeaseError);
    await settle();
    expect(granted).toEqual(['a']);
    expect(lease.snapshot()).toEqual({ mode: 'exclusive', holders: 1, waiting: 1 });
  });

  it('a dropped holder gives back its lease, and a dropped waiter leaves the queue unanswered', async () => {
    const { lease, granted, dropped, ask } = table();
    ask('a', 'exclusive');
    ask('b', 'exclusive');
    ask('c', 'shared');
    await settle();
    lease.drop('b');
    await settle();
    expect(dropped).toEqual(['b']);
    lease.drop('a');
    await settle();
    expect(granted).toEqual(['a', 'c']);
    expect(lease.snapshot()).toEqual({ mode: 'shared', holders: 1, waiting: 0 });
    // Dropping a holder that has nothing is harmless, and it may lease again.
    lease.drop('b');
    ask('b', 'shared');
    await settle();
    expect(granted).toEqual(['a', 'c', 'b']);
  });
});
