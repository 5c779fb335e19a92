/**
 * The pair lease on the JSON-lines control channel (spec/control-channel.md,
 * `lease` / `release`; spec/target-contract.md, "The pair is shared"): each
 * control connection a holder, granted in arrival order, given back by
 * release or by closing. "Not granted yet" is read from the channel's own
 * `state` (its lease snapshot), never from how long nothing arrived.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { startVendorPair, type VendorHandle } from './start.js';

type Answer = Record<string, unknown>;

/** A control connection that stays open: answers in arrival order. */
class ControlClient {
  readonly answers: Answer[] = [];
  private waiters: Array<() => void> = [];

  private constructor(private readonly socket: Socket) {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      let newline: number;
      while ((newline = text.indexOf('\n')) >= 0) {
        this.answers.push(JSON.parse(text.slice(0, newline)) as Answer);
        text = text.slice(newline + 1);
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number): Promise<ControlClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    return new ControlClient(socket);
  }

  send(request: unknown): void {
    this.socket.write(`${JSON.stringify(request)}\n`);
  }

  /** The n-th answer (0-based) this connection received. */
  answer(n: number): Promise<Answer> {
    return new Promise((resolve) => {
      const check = () => (this.answers.length > n ? resolve(this.answers[n]!) : this.waiters.push(check));
      check();
    });
  }

  /** Sends and waits for that request's answer. */
  async ask(request: unknown): Promise<Answer> {
    const n = this.answers.length;
    this.send(request);
    return this.answer(n);
  }

  close(): void {
    this.socket.destroy();
  }
}

let handle: VendorHandle | undefined;
const clients: ControlClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await handle?.close();
  handle = undefined;
});

async function open(count: number): Promise<ControlClient[]> {
  handle ??= await startVendorPair({ controlPort: 0 });
  const opened = await Promise.all(Array.from({ length: count }, () => ControlClient.open(handle!.controlPort!)));
  clients.push(...opened);
  return opened;
}

/** An observer connection of its own, so its `state` never queues behind a lease. */
async function observer() {
  const [watch] = await open(1);
  const lease = async () => ((await watch!.ask({ action: 'state' })).state as { lease: unknown }).lease;
  /** Asks `state` until the lease looks like `expected` (the server has read every request sent before). */
  const until = async (expected: unknown) => {
    for (;;) {
      const now = await lease();
      if (JSON.stringify(now) === JSON.stringify(expected)) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { lease, until };
}

const GRANTED = { ok: true } as const;

/** Connections that ask for the lease in `modes`, in that order: the first holds it, each later one waits behind those before. */
async function queued(watch: Awaited<ReturnType<typeof observer>>, modes: readonly ['shared' | 'exclusive', ...Array<'shared' | 'exclusive'>]): Promise<ControlClient[]> {
  const [holder, ...waiting] = await open(modes.length);
  expect(await holder!.ask({ action: 'lease', mode: modes[0] })).toEqual(GRANTED);
  for (const [i, c] of waiting.entries()) {
    c.send({ action: 'lease', mode: modes[i + 1] });
    await watch.until({ mode: modes[0], holders: 1, waiting: i + 1 });
  }
  return [holder!, ...waiting];
}

describe('pair lease on the control channel', () => {
  it('answers {"ok":true} once held, in arrival order, and keeps later shared requests behind a waiting exclusive one', async () => {
    const watch = await observer();
    const [s1, x, s2] = await queued(watch, ['shared', 'exclusive', 'shared']);
    expect(x!.answers).toEqual([]);
    expect(s2!.answers).toEqual([]);

    expect(await s1!.ask({ action: 'release' })).toEqual({ ok: true });
    expect(await x!.answer(0)).toEqual(GRANTED);
    expect(await watch.lease()).toEqual({ mode: 'exclusive', holders: 1, waiting: 1 });
    expect(s2!.answers).toEqual([]);

    expect(await x!.ask({ action: 'release' })).toEqual({ ok: true });
    expect(await s2!.answer(0)).toEqual(GRANTED);
    expect(await watch.lease()).toEqual({ mode: 'shared', holders: 1, waiting: 0 });
  });

  it('gives the lease back when its connection closes, and forgets a request whose connection closed while it waited', async () => {
    const watch = await observer();
    const [holder, gone, next] = await queued(watch, ['exclusive', 'exclusive', 'shared']);

    gone!.close();
    await watch.until({ mode: 'exclusive', holders: 1, waiting: 1 });
    holder!.close();
    expect(await next!.answer(0)).toEqual(GRANTED);
    expect(await watch.lease()).toEqual({ mode: 'shared', holders: 1, waiting: 0 });
  });

  it('one lease per connection: a second lease is refused and the first one stays held', async () => {
    const watch = await observer();
    const [a, b] = await open(2);
    expect(await a!.ask({ action: 'lease', mode: 'shared' })).toEqual({ ok: true });
    expect(await a!.ask({ action: 'lease', mode: 'exclusive' })).toMatchObject({ ok: false, error: expect.stringContaining('one per connection') });
    expect(await a!.ask({ action: 'lease', mode: 'shared' })).toMatchObject({ ok: false });
    expect(await watch.lease()).toEqual({ mode: 'shared', holders: 1, waiting: 0 });
    b!.send({ action: 'lease', mode: 'exclusive' });
    await watch.until({ mode: 'shared', holders: 1, waiting: 1 });
    expect(await a!.ask({ action: 'release' })).toEqual({ ok: true });
    expect(await b!.answer(0)).toEqual(GRANTED);
  });

  it('refuses release without a lease and a lease without a mode; the connection keeps serving', async () => {
    const watch = await observer();
    const [a] = await open(1);
    expect(await a!.ask({ action: 'release' })).toMatchObject({ ok: false, error: expect.stringContaining('holds no lease') });
    expect(await a!.ask({ action: 'lease' })).toMatchObject({ ok: false, error: expect.stringContaining('"mode"') });
    expect(await a!.ask({ action: 'lease', mode: 'read' })).toMatchObject({ ok: false });
    expect(await watch.lease()).toEqual({ mode: null, holders: 0, waiting: 0 });
    expect(await a!.ask({ action: 'lease', mode: 'exclusive' })).toEqual({ ok: true });
    expect(await a!.ask({ action: 'release' })).toEqual({ ok: true });
    expect(await a!.ask({ action: 'release' })).toMatchObject({ ok: false });
  });

  it('requests behind a waiting lease on one connection are answered after it, in order; other connections are not held up', async () => {
    const watch = await observer();
    const [holder, queued, other] = await open(3);
    expect(await holder!.ask({ action: 'lease', mode: 'exclusive' })).toEqual({ ok: true });
    queued!.send({ action: 'lease', mode: 'shared' });
    queued!.send({ action: 'state' });
    await watch.until({ mode: 'exclusive', holders: 1, waiting: 1 });
    // Control actions are not gated by the lease: a connection without one is served at once.
    expect(await other!.ask({ action: 'addCall', ThisDN: '7001' })).toMatchObject({ ok: true });
    expect(queued!.answers).toEqual([]);
    expect(await holder!.ask({ action: 'release' })).toEqual({ ok: true });
    expect(await queued!.answer(0)).toEqual(GRANTED);
    expect(await queued!.answer(1)).toMatchObject({ ok: true, state: { lease: { mode: 'shared', holders: 1, waiting: 0 } } });
  });
});
