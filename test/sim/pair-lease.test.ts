/**
 * The pair's lease (src/sim/pair-lease.ts): shared holders run together, an
 * exclusive holder runs alone, requests are granted in arrival order (no
 * starvation), and a withdrawn request or a closed control connection gives
 * the lease back. Ordering is observed through settled promises, not time.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PairLease } from '../../src/sim/pair-lease.js';
import { useSim } from './fixture.js';

/** Lets every already-settled promise run its handlers. */
const settle = () => new Promise<void>((r) => setImmediate(r));

function track(p: Promise<void>): { done: boolean } {
  const t = { done: false };
  void p.then(() => (t.done = true));
  return t;
}

describe('PairLease', () => {
  it('grants shared holders together and an exclusive one alone, in arrival order', async () => {
    const lease = new PairLease();
    const s1 = lease.acquire('shared');
    const s2 = lease.acquire('shared');
    const x = lease.acquire('exclusive');
    const s3 = lease.acquire('shared');
    const [t1, t2, tx, t3] = [s1, s2, x, s3].map((t) => track(t.granted));
    await settle();
    expect([t1!.done, t2!.done, tx!.done, t3!.done]).toEqual([true, true, false, false]);
    s1.release();
    await settle();
    expect(tx!.done).toBe(false);
    s2.release();
    await settle();
    // The shared request that came after the exclusive one waits for it: no starvation.
    expect([tx!.done, t3!.done]).toEqual([true, false]);
    x.release();
    await settle();
    expect(t3!.done).toBe(true);
    expect(lease.holders).toEqual({ shared: 1, exclusive: false, waiting: 0 });
  });

  it('a withdrawn request lets the next one through, and release is idempotent', async () => {
    const lease = new PairLease();
    const x1 = lease.acquire('exclusive');
    const x2 = lease.acquire('exclusive');
    const s = lease.acquire('shared');
    const ts = track(s.granted);
    x2.release();
    x1.release();
    x1.release();
    await settle();
    expect(ts.done).toBe(true);
    expect(lease.holders).toEqual({ shared: 1, exclusive: false, waiting: 0 });
  });
});

const f = useSim();

function line(port: number, request: object): { answered: Promise<Record<string, unknown>>; close: () => void } {
  const socket = connect({ port, host: '127.0.0.1' });
  socket.setEncoding('utf8');
  const answered = new Promise<Record<string, unknown>>((resolve, reject) => {
    let buffered = '';
    socket.on('data', (s: string) => {
      buffered += s;
      if (buffered.includes('\n')) resolve(JSON.parse(buffered.slice(0, buffered.indexOf('\n'))) as Record<string, unknown>);
    });
    socket.on('error', reject);
  });
  socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
  return { answered, close: () => socket.destroy() };
}

describe('lease on the control channel', () => {
  it('answers a lease once held; closing the holding connection gives it back', async () => {
    const sim = await f.start({ controlPort: 0 });
    const port = sim.control!.port;
    const first = line(port, { action: 'lease', mode: 'exclusive' });
    expect(await first.answered).toEqual({ ok: true });
    const second = line(port, { action: 'lease', mode: 'shared' });
    const waiting = track(second.answered.then(() => undefined));
    // A round trip on a third connection proves the channel has read the second request by now.
    const state = line(port, { action: 'state' });
    await state.answered;
    state.close();
    expect(waiting.done).toBe(false);
    first.close();
    expect(await second.answered).toEqual({ ok: true });
    second.close();
    const bad = line(port, { action: 'lease', mode: 'sometimes' });
    expect(await bad.answered).toMatchObject({ ok: false, error: expect.stringMatching(/"shared" or "exclusive"/) });
    bad.close();
  });
});
