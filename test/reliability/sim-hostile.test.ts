/**
 * The simulator under cheap attacks: what
 * each costs the server now, each to a bound a test can see.
 */
import { describe, expect, it } from 'vitest';
import { encode } from '../../src/index.js';
import { SIM_ERROR } from '../../src/sim/index.js';
import { until } from '../client/helpers.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { useSim } from '../sim/fixture.js';
import { refId } from '../sim/wire-client.js';

const f = useSim();

function collectLog(): { lines: string[]; log: (l: string) => void } {
  const lines: string[] = [];
  return { lines, log: (l) => lines.push(l) };
}

const prefix = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

/** A 5-byte frame the codec refuses: message type varint 0xff with nothing after it. */
const BAD_FRAME = [...prefix(1), 0xff];

describe('case 4: undecodable frames', () => {
  it('are logged aggregated, and the connection is closed after maxBadFrames', async () => {
    const { lines, log } = collectLog();
    await f.start({ pair: false, log });
    const c = await f.client();
    const many = 45_000; // 225 KB of 5-byte bad frames
    const bytes = new Uint8Array(many * BAD_FRAME.length);
    for (let i = 0; i < many; i++) bytes.set(BAD_FRAME, i * BAD_FRAME.length);
    c.sendRaw(bytes);
    await c.closed;
    const errors = c.messages.filter((m) => m.Event === 'EventError');
    expect(errors.length).toBe(17); // 16 answered, the 17th closes
    expect(errors.at(-1)?.ErrorCode).toBe(SIM_ERROR.MALFORMED_MESSAGE.code);
    expect(String(errors.at(-1)?.ErrorMessage)).toMatch(/more than maxBadFrames \(16\)/);
    const logged = lines.join('\n');
    expect(logged.length).toBeLessThan(2000);
    expect(lines.filter((l) => /undecodable frame/.test(l)).length).toBeLessThanOrEqual(2);
    expect(lines.some((l) => /closed: .*maxBadFrames/.test(l))).toBe(true);
  });

  it('maxBadFrames is configurable', async () => {
    await f.start({ pair: false, limits: { maxBadFrames: 2 } });
    const c = await f.client();
    c.sendRaw(new Uint8Array([...BAD_FRAME, ...BAD_FRAME, ...BAD_FRAME]));
    await c.closed;
    expect(c.messages.filter((m) => m.Event === 'EventError')).toHaveLength(3);
  });
});

describe('case 3: frames that would cost many times their size to decode', () => {
  it('are refused cheaply and count as undecodable', async () => {
    const { lines, log } = collectLog();
    await f.start({ pair: false, log, limits: { maxBadFrames: 3 } });
    const c = await f.raw();
    // 65,536 empty binary values in UserData: legal framing, 85x its size decoded.
    const count = 65536;
    const body = [96, 51, 5, 0x80, 0x80, 0x04];
    const pairs = new Uint8Array(count * 3);
    for (let i = 0; i < count; i++) pairs.set([0, 4, 0], i * 3);
    const frame = new Uint8Array([...prefix(body.length + pairs.length), ...body, ...pairs]);
    for (let i = 0; i < 4; i++) c.sendRaw(frame);
    await c.closed;
    const errors = c.messages.filter((m) => m.Event === 'EventError');
    expect(String(errors[0]?.ErrorMessage)).toMatch(/LIMIT_EXCEEDED.*cost limit/);
    expect(lines.some((l) => /closed: .*maxBadFrames/.test(l))).toBe(true);
  });
});

describe('case 8: complete frames before an oversize length prefix', () => {
  it('are served even when they share one read with it', async () => {
    await f.start({ pair: false, limits: { maxFrameBytes: 1024 } });
    const c = await f.client();
    const ReferenceID = refId();
    const good = encode({ Event: 'RequestQueryLocation', ReferenceID });
    c.sendRaw(new Uint8Array([...good, ...prefix(4096)]));
    await c.closed;
    expect(c.messages.some((m) => m.ReferenceID === ReferenceID && m.Event === 'EventLocationInfo')).toBe(true);
    expect(c.messages.at(-1)).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.FRAME_TOO_LARGE.code });
  });
});

describe('case 10: incomplete frames', () => {
  it('have a deadline: a frame not finished within frameTimeoutMs of its first byte closes the connection', async () => {
    const { lines, log } = collectLog();
    const clock = new ManualClock();
    const sim = await f.start({ pair: false, log, limits: { frameTimeoutMs: 300 }, scheduler: clock });
    const c = await f.client();
    c.sendRaw(new Uint8Array([...prefix(1000), 1, 2, 3]));
    await until(() => clock.due.includes(clock.now() + 300), undefined, 'the frame deadline set');
    clock.advance(299);
    expect(sim.ctl.state().clients).toBe(1);
    clock.advance(1);
    expect(lines.some((l) => /closed: a frame not complete 300 ms after its first byte/.test(l))).toBe(true);
    await c.closed;
  });

  it('a frame finished in time is served, and the next frame gets its own deadline', async () => {
    const clock = new ManualClock();
    const sim = await f.start({ pair: false, limits: { frameTimeoutMs: 300 }, scheduler: clock });
    const c = await f.client();
    for (let i = 0; i < 3; i++) {
      const ReferenceID = refId();
      const frame = encode({ Event: 'RequestQueryLocation', ReferenceID });
      c.sendRaw(frame.subarray(0, 5));
      const deadline = clock.now() + 300;
      await until(() => clock.due.includes(deadline), undefined, `the deadline of frame ${i}`);
      // 200 ms on: each frame is within its own 300 ms, while the three together take 600.
      clock.advance(200);
      c.sendRaw(frame.subarray(5));
      await c.waitFor((m) => m.ReferenceID === ReferenceID);
    }
    expect(sim.ctl.state().clients).toBe(1);
    expect(c.socket.destroyed).toBe(false);
  });

  it('all connections together hold at most maxPendingBytes of incomplete frames', async () => {
    const { lines, log } = collectLog();
    const sim = await f.start({ pair: false, log, limits: { maxPendingBytes: 100_000 } });
    const clients = await Promise.all(Array.from({ length: 5 }, () => f.client()));
    for (const c of clients) c.sendRaw(new Uint8Array([...prefix(60_000), ...new Uint8Array(30_000)]));
    await until(() => lines.some((l) => /maxPendingBytes/.test(l)), undefined, 'a connection closed for the budget');
    // The sockets learn of the close through the kernel: wait for it, do not time it.
    await until(() => clients.filter((c) => c.socket.destroyed || c.socket.readableEnded).length >= 2, undefined, 'two connections closed');
    expect(sim.ctl.state().clients).toBeLessThanOrEqual(3);
  });
});
