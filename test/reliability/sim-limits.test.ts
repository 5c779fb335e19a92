/**
 * The simulator's limits at their boundaries, the cases test/sim/bad-input.test.ts
 * (which covers each limit's "over" side) leaves out: just at or under the
 * limit the connection is served, one over it gets the documented action.
 */
import { describe, expect, it } from 'vitest';
import { encode, type Message } from '../../src/index.js';
import { DEFAULT_SIM_LIMITS, SIM_ERROR, SimError, startSimulator } from '../../src/sim/index.js';
import { until } from '../client/helpers.js';
import { useSim } from '../sim/fixture.js';
import { registerDn, request } from '../sim/wire-client.js';
import { ManualClock } from '../helpers/manual-clock.js';

const f = useSim();

function logInto(lines: string[]) {
  return (line: string) => lines.push(line);
}

/** Frames concatenated into one write, so the server sees them in one burst. */
function burst(messages: Message[]): Uint8Array {
  return Buffer.concat(messages.map((m) => encode(m)));
}

describe('simulator limits at their boundaries', () => {
  it('documents safe defaults', () => {
    expect(DEFAULT_SIM_LIMITS).toEqual({ maxClients: 4096, maxFrameBytes: 1 << 20, maxQueuedBytes: 4 << 20, maxRequestsPerSecond: 20_000, registerTimeoutMs: 30_000, idleTimeoutMs: 0, maxBadFrames: 16, frameTimeoutMs: 10_000, maxPendingBytes: 64 << 20,
      maxDnsPerClient: 10_000, maxDnBytesPerClient: 1 << 20, maxRegistrations: 1_000_000, maxRegistrationBytes: 64 << 20, maxSubscriptionsPerClient: 1000, maxSubscriptions: 100_000, maxPasswordFailures: 3 });
  });

  it('refuses unusable limits with SimError BAD_OPTION', async () => {
    for (const limits of [{ maxClients: 0 }, { maxFrameBytes: -1 }, { maxQueuedBytes: 1.5 }, { maxRequestsPerSecond: Number.NaN }, { registerTimeoutMs: 0 }, { idleTimeoutMs: -1 }]) {
      await expect(startSimulator({ pair: false, limits })).rejects.toBeInstanceOf(SimError);
    }
  });

  it('maxFrameBytes: a request whose body is exactly the limit is served; one byte more is FRAME_TOO_LARGE', async () => {
    const at = (pad: number): Message => ({ Event: 'RequestQueryAddress', ReferenceID: 1, ThisDN: 'x'.repeat(pad) });
    const body = encode(at(500)).length - 4;
    await f.start({ pair: false, limits: { maxFrameBytes: body } });
    const ok = await f.client();
    expect(await request(ok, at(500) as Omit<Message, 'ReferenceID'>)).toMatchObject({ Event: 'EventAddressInfo' });
    const over = await f.client();
    over.send(at(501));
    expect(await over.waitFor((m) => m.Event === 'EventError')).toMatchObject({ ErrorCode: SIM_ERROR.FRAME_TOO_LARGE.code });
    await over.closed;
  });

  it('maxClients: the slot of a client that left is given to the next one', async () => {
    const sim = await f.start({ pair: false, limits: { maxClients: 2 } });
    const first = await f.client();
    await f.client();
    first.close();
    await until(() => sim.ctl.state().clients === 1, undefined, 'slot freed');
    const next = await f.client();
    expect(await request(next, { Event: 'RequestQueryLocation' })).toMatchObject({ Event: 'EventLocationInfo' });
  });

  it('maxRequestsPerSecond: a burst of exactly the limit is served, one more request is REQUEST_FLOOD', async () => {
    await f.start({ pair: false, limits: { maxRequestsPerSecond: 40 } });
    const requests = (n: number): Message[] => [
      { Event: 'RequestRegisterClient', ReferenceID: 1, ApplicationName: 'burst' },
      ...Array.from({ length: n - 1 }, (_, i): Message => ({ Event: 'RequestQueryLocation', ReferenceID: 10 + i })),
    ];
    const ok = await f.raw();
    ok.sendRaw(burst(requests(40)));
    await ok.waitFor((m) => m.ReferenceID === 48);
    expect(ok.messages.some((m) => m.Event === 'EventError')).toBe(false);
    const over = await f.raw();
    over.sendRaw(burst(requests(41)));
    expect(await over.waitFor((m) => m.Event === 'EventError')).toMatchObject({ ErrorCode: SIM_ERROR.REQUEST_FLOOD.code });
    await over.closed;
  });

  it('registerTimeoutMs: a client that registers in time stays past the deadline', async () => {
    const lines: string[] = [];
    const clock = new ManualClock();
    const sim = await f.start({ pair: false, log: logInto(lines), limits: { registerTimeoutMs: 300 }, scheduler: clock });
    const slow = await f.raw();
    await until(() => clock.due.includes(300), undefined, "the slow client's deadline set");
    clock.advance(150);
    expect(await request(slow, { Event: 'RequestRegisterClient', ApplicationName: 'late-but-in-time' })).toMatchObject({ Event: 'EventServerConnected' });
    const never = await f.raw();
    await until(() => clock.due.includes(450), undefined, "the other client's deadline set");
    // Past both deadlines: the one that registered stays, the other is closed.
    clock.advance(300);
    await never.closed;
    expect(await request(slow, { Event: 'RequestQueryLocation' })).toMatchObject({ Event: 'EventLocationInfo' });
    expect(lines.filter((l) => /no RequestRegisterClient within 300 ms/.test(l))).toHaveLength(1);
    expect(sim.ctl.state().clients).toBe(1);
  });

  it('maxQueuedBytes: a reader that stops with less than the bound queued is kept and gets everything when it reads again', async () => {
    const lines: string[] = [];
    const sim = await f.start({ pair: false, log: logInto(lines), limits: { maxQueuedBytes: 256 * 1024 } });
    const paused = await f.client();
    const sender = await f.client();
    await registerDn(paused, '7400');
    paused.socket.pause();
    // 20 events of ~10 KiB: under the bound even if the kernel buffered none of it.
    const pad = 'z'.repeat(10 * 1024);
    for (let i = 0; i < 20; i++) await request(sender, { Event: 'RequestDistributeUserEvent', ThisDN: '7400', UserData: [['seq', i], ['pad', pad]] });
    await new Promise((r) => setTimeout(r, 100));
    paused.socket.resume();
    await until(() => paused.messages.filter((m) => m.Event === 'EventUserEvent').length === 20, undefined, 'all 20 events');
    expect(lines.some((l) => /slow reader/.test(l))).toBe(false);
    expect(sim.ctl.state().clients).toBe(2);
  });
});

describe('simulator inbound buffering', () => {
  it('holds a partial frame up to maxFrameBytes, completes it when the rest arrives, and refuses a longer prefix before any body byte', async () => {
    await f.start({ pair: false, limits: { maxFrameBytes: 4096 } });
    const c = await f.client();
    const frame = encode({ Event: 'RequestQueryAddress', ReferenceID: 77, ThisDN: 'p'.repeat(3000) });
    c.sendRaw(frame.subarray(0, 2000));
    await new Promise((r) => setTimeout(r, 50));
    c.sendRaw(frame.subarray(2000));
    expect(await c.waitFor((m) => m.ReferenceID === 77)).toMatchObject({ Event: 'EventAddressInfo' });
    const raw = await f.raw();
    raw.sendRaw(new Uint8Array([0, 0, 0x10, 0x01]));
    expect(await raw.waitFor((m) => m.Event === 'EventError')).toMatchObject({ ErrorCode: SIM_ERROR.FRAME_TOO_LARGE.code });
  });
});
