/**
 * The simulator under abuse: registrations and subscriptions bounded per
 * connection and server-wide, by count and bytes; subscriptions freed with
 * their owner and stoppable only by it; password guessing ends the
 * connection; a control peer that never reads holds bounded memory; the
 * control channel on loopback unless asked. docs/reliability.md states each
 * bound.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SIM_ERROR } from '../../src/sim/index.js';
import { useSim } from './fixture.js';
import { connectRegistered, connectWire, refId, request, type WireClient } from './wire-client.js';

const f = useSim();
/** A condition, not a duration: the cap only ends a run that would otherwise hang. */
const WAIT = { timeout: 20_000 };
const logged: string[] = [];
const log = (line: string): void => void logged.push(line);

async function registerOn(c: WireClient, dn: string) {
  return request(c, { Event: 'RequestRegisterAddress', ThisDN: dn, RegisterMode: 0 });
}

/** The connection was closed by the server after an EventError with this code. */
async function closedWith(c: WireClient, code: number): Promise<void> {
  await c.closed;
  expect(c.messages.filter((m) => m.Event === 'EventError').map((m) => m.ErrorCode)).toContain(code);
}

describe('registrations', () => {
  it('one connection past maxDnsPerClient is refused and closed, with a log line; its DNs are freed', async () => {
    logged.length = 0;
    const sim = await f.start({ pair: false, limits: { maxDnsPerClient: 3 }, log });
    const c = await f.client();
    for (const dn of ['1', '2', '3']) expect(await registerOn(c, dn)).toMatchObject({ Event: 'EventRegistered' });
    expect(await registerOn(c, '2')).toMatchObject({ Event: 'EventRegistered' }); // the same DN again costs nothing
    c.send({ Event: 'RequestRegisterAddress', ReferenceID: refId(), ThisDN: '4', RegisterMode: 0 });
    await closedWith(c, SIM_ERROR.TOO_MANY_REGISTRATIONS.code);
    expect(logged.some((l) => l.includes('closed') && l.includes('maxDnsPerClient'))).toBe(true);
    await expect.poll(() => sim.ctl.state().registrations, WAIT).toEqual({ count: 0, bytes: 0 });
  });

  it('DNs of 1 MB each: the connection is closed once their names pass maxDnBytesPerClient (default 1 MiB)', async () => {
    const sim = await f.start({ pair: false, limits: { maxFrameBytes: 2 << 20 } });
    const c = await f.client();
    const big = (i: number) => `${i}`.padEnd(600_000, 'x');
    expect(await registerOn(c, big(1))).toMatchObject({ Event: 'EventRegistered' });
    c.send({ Event: 'RequestRegisterAddress', ReferenceID: refId(), ThisDN: big(2), RegisterMode: 0 });
    await closedWith(c, SIM_ERROR.TOO_MANY_REGISTRATIONS.code);
    await expect.poll(() => sim.ctl.state().registrations, WAIT).toEqual({ count: 0, bytes: 0 });
  });

  it('all connections together past maxRegistrations: the connection asking for more is closed', async () => {
    const sim = await f.start({ pair: false, limits: { maxRegistrations: 3 } });
    const a = await f.client(undefined, 'a');
    const b = await f.client(undefined, 'b');
    await registerOn(a, '1');
    await registerOn(a, '2');
    await registerOn(b, '3');
    b.send({ Event: 'RequestRegisterAddress', ReferenceID: refId(), ThisDN: '4', RegisterMode: 0 });
    await closedWith(b, SIM_ERROR.TOO_MANY_REGISTRATIONS.code);
    await expect.poll(() => sim.ctl.state().registrations.count, WAIT).toBe(2);
    expect(await registerOn(a, '5')).toMatchObject({ Event: 'EventRegistered' });
  });

  it('all connections together past maxRegistrationBytes: the connection asking for more is closed', async () => {
    const sim = await f.start({ pair: false, limits: { maxRegistrationBytes: 1000 } });
    const a = await f.client(undefined, 'a');
    const b = await f.client(undefined, 'b');
    await registerOn(a, 'x'.repeat(600));
    b.send({ Event: 'RequestRegisterAddress', ReferenceID: refId(), ThisDN: 'y'.repeat(401), RegisterMode: 0 });
    await closedWith(b, SIM_ERROR.TOO_MANY_REGISTRATIONS.code);
    expect(sim.ctl.state().registrations).toEqual({ count: 1, bytes: 600 });
  });
});

describe('transaction-monitoring subscriptions', () => {
  const start = (c: WireClient) => request(c, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: 1 });
  const stop = (c: WireClient, id: string | undefined) => request(c, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: 2, SubscriptionID: id });

  it('are freed when their client disconnects', async () => {
    const sim = await f.start({ pair: false });
    const c = await f.client(undefined, 'owner');
    await start(c);
    await start(c);
    expect(sim.ctl.state().subscriptions).toBe(2);
    c.close();
    await expect.poll(() => sim.ctl.state().subscriptions, WAIT).toBe(0);
  });

  it('can be stopped only by the application that started them', async () => {
    await f.start({ pair: false });
    const owner = await f.client(undefined, 'owner');
    const other = await f.client(undefined, 'other');
    const { SubscriptionID } = await start(owner);
    expect(await stop(other, SubscriptionID)).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.UNKNOWN_SUBSCRIPTION.code });
    expect(await stop(owner, SubscriptionID)).toMatchObject({ Event: 'EventACK' });
  });

  it('past maxSubscriptionsPerClient or maxSubscriptions the connection is closed', async () => {
    const sim = await f.start({ pair: false, limits: { maxSubscriptionsPerClient: 2, maxSubscriptions: 3 } });
    const a = await f.client(undefined, 'a');
    await start(a);
    await start(a);
    a.send({ Event: 'RequestTransactionMonitoring', ReferenceID: refId(), SubscriptionOperation: 1 });
    await closedWith(a, SIM_ERROR.TOO_MANY_SUBSCRIPTIONS.code);
    await expect.poll(() => sim.ctl.state().subscriptions, WAIT).toBe(0);
    const b = await f.client(undefined, 'b');
    const c = await f.client(undefined, 'c');
    await start(b);
    await start(b);
    await start(c);
    c.send({ Event: 'RequestTransactionMonitoring', ReferenceID: refId(), SubscriptionOperation: 1 });
    await closedWith(c, SIM_ERROR.TOO_MANY_SUBSCRIPTIONS.code);
  });
});

describe('password guessing', () => {
  it('closes the connection after maxPasswordFailures wrong passwords (default 3), logging each', async () => {
    logged.length = 0;
    await f.start({ pair: false, password: 'abc', log });
    const c = await connectWire(f.sim.primary.port);
    try {
      for (const guess of ['aaa', 'aab', 'aac']) c.send({ Event: 'RequestRegisterClient', ReferenceID: refId(), ApplicationName: 'guesser', ApplicationPassword: guess });
      await c.closed;
      expect(c.messages.map((m) => [m.Event, m.ErrorCode])).toEqual([
        ['EventError', SIM_ERROR.BAD_PASSWORD.code],
        ['EventError', SIM_ERROR.BAD_PASSWORD.code],
        ['EventError', SIM_ERROR.BAD_PASSWORD.code],
      ]);
      expect(logged.filter((l) => l.includes('wrong ApplicationPassword'))).toHaveLength(3);
      expect(logged.some((l) => l.includes('closed') && l.includes('3 wrong passwords'))).toBe(true);
    } finally {
      c.close();
    }
    // The right password still works on a new connection.
    (await connectRegistered(f.sim.primary.port, 'app', 'abc')).close();
  });
});

describe('control channel', () => {
  it('listens on loopback even when the T-Servers listen on every interface, unless given a host', async () => {
    const sim = await f.start({ pair: false, host: '0.0.0.0', controlPort: 0 });
    expect(sim.control?.host).toBe('127.0.0.1');
    expect(sim.primary.host).toBe('0.0.0.0');
  });

  it('a peer that sends and never reads holds a bounded amount of answers, and loses none once it reads', async () => {
    const sim = await f.start({ pair: false, controlPort: 0 });
    const channel = sim.control!;
    const socket = connect({ port: channel.port, host: channel.host });
    try {
      socket.pause();
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      const requests = 150_000; // ~25 MB of answers, past what the kernel buffers hold ({"ok":true,"state":...})
      socket.write('{"action":"state"}\n'.repeat(requests));
      await expect.poll(() => sim.controlChannel?.paused(), { timeout: 30_000 }).toBe(1);
      const peak = sim.controlChannel!.peakUnreadBytes();
      expect(peak).toBeLessThan(300 * 1024);
      let answers = 0;
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => void (answers += chunk.split('\n').length - 1));
      socket.resume();
      await expect.poll(() => answers, { timeout: 60_000 }).toBe(requests);
    } finally {
      socket.destroy();
    }
  });
});
