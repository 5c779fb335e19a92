import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { encode } from '../../src/index.js';
import { SIM_ERROR } from '../../src/sim/index.js';
import { useSim } from './fixture.js';
import { barrier, connectWire, registerDn, request } from './wire-client.js';
import { until } from '../client/helpers.js';
import { ManualClock } from '../helpers/manual-clock.js';

const f = useSim();

function collectLog(): { lines: string[]; log: (l: string) => void } {
  const lines: string[] = [];
  return { lines, log: (l) => lines.push(l) };
}


const prefix = (n: number) => new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

describe('bad input', () => {
  it('an oversized length prefix gets EventError FRAME_TOO_LARGE and a logged close', async () => {
    const { lines, log } = collectLog();
    await f.start({ pair: false, log, limits: { maxFrameBytes: 1024 } });
    const c = await f.raw();
    c.sendRaw(prefix(4096));
    const err = await c.waitFor((m) => m.Event === 'EventError');
    expect(err.ErrorCode).toBe(SIM_ERROR.FRAME_TOO_LARGE.code);
    await c.closed;
    expect(lines.some((l) => /closed: FRAME_TOO_LARGE/.test(l))).toBe(true);
  });

  it('cuts a refused peer that keeps its side open and goes on sending, once its grace period to read the EventError is over', async () => {
    const clock = new ManualClock();
    const sim = await f.start({ pair: false, limits: { maxFrameBytes: 1024 }, scheduler: clock });
    const socket = connect({ port: sim.primary.port, host: '127.0.0.1', allowHalfOpen: true });
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(prefix(4096));
    await until(() => clock.due.includes(2000), undefined, 'the refusal and its grace period');
    for (let i = 0; i < 5; i++) socket.write(new Uint8Array(512));
    expect(sim.ctl.state().clients).toBe(1);
    clock.advance(2000);
    await until(() => sim.ctl.state().clients === 0, undefined, 'the refused connection gone');
    // Whatever it sends now meets a closed connection.
    socket.write(new Uint8Array(512));
    await closed;
    expect(socket.destroyed).toBe(true);
  });

  it('an undecodable frame gets EventError MALFORMED_MESSAGE and the connection keeps working', async () => {
    const { lines, log } = collectLog();
    await f.start({ pair: false, log });
    const c = await f.client();
    c.sendRaw(new Uint8Array([...prefix(6), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    const err = await c.waitFor((m) => m.Event === 'EventError');
    expect(err.ErrorCode).toBe(SIM_ERROR.MALFORMED_MESSAGE.code);
    expect(await request(c, { Event: 'RequestQueryLocation' })).toMatchObject({ Event: 'EventLocationInfo' });
    expect(lines.some((l) => /undecodable frame/.test(l))).toBe(true);
  });

  it('a truncated frame at close is logged', async () => {
    const { lines, log } = collectLog();
    await f.start({ pair: false, log });
    const c = await f.raw();
    const frame = encode({ Event: 'RequestQueryLocation', ReferenceID: 1 });
    c.socket.end(frame.subarray(0, frame.length - 2));
    await until(() => lines.some((l) => /truncated frame at close/.test(l)));
  });

  it('a request flood gets EventError REQUEST_FLOOD and a clean close', async () => {
    const { lines, log } = collectLog();
    await f.start({ pair: false, log, limits: { maxRequestsPerSecond: 50 } });
    const c = await f.client();
    const one = encode({ Event: 'RequestQueryLocation', ReferenceID: 9 });
    const burst = new Uint8Array(one.length * 200);
    for (let i = 0; i < 200; i++) burst.set(one, i * one.length);
    c.sendRaw(burst);
    const err = await c.waitFor((m) => m.Event === 'EventError' && m.ErrorCode === SIM_ERROR.REQUEST_FLOOD.code);
    expect(err.ErrorMessage).toMatch(/50 requests per second/);
    await c.closed;
    expect(lines.some((l) => /closed: more than 50 requests per second/.test(l))).toBe(true);
  });

  it('refuses connections past maxClients with EventError TOO_MANY_CLIENTS', async () => {
    const { lines, log } = collectLog();
    await f.start({ pair: false, log, limits: { maxClients: 2 } });
    await f.client();
    await f.client();
    const third = await f.raw();
    expect(await third.waitFor((m) => m.Event === 'EventError')).toMatchObject({ ErrorCode: SIM_ERROR.TOO_MANY_CLIENTS.code });
    await third.closed;
    expect(lines.some((l) => /2 clients already connected/.test(l))).toBe(true);
  });

  it('closes a connection that never registers, and an idle one, with a logged reason', async () => {
    const { lines, log } = collectLog();
    await f.start({ pair: false, log, limits: { registerTimeoutMs: 100, idleTimeoutMs: 150 } });
    const silent = await f.raw();
    await silent.closed;
    expect(lines.some((l) => /no RequestRegisterClient within 100 ms/.test(l))).toBe(true);
    const idle = await f.client();
    await idle.closed;
    expect(lines.some((l) => /idle for 150 ms/.test(l))).toBe(true);
  });

  it('disconnects a slow reader past its send-queue bound while a reading client gets everything', async () => {
    const { lines, log } = collectLog();
    const sim = await f.start({ pair: false, log, limits: { maxQueuedBytes: 256 * 1024 } });
    const slow = await f.client();
    const reader = await f.client();
    const sender = await f.client();
    await registerDn(slow, '7001');
    await registerDn(reader, '7001');
    slow.socket.pause();
    const payload = 'x'.repeat(32 * 1024);
    const count = 600;
    const delivered = () => reader.messages.filter((m) => m.Event === 'EventUserEvent').length;
    // Paced so that only the paused client's queue can grow past the bound: a
    // starved test process must not make the reading client look slow too.
    for (let i = 0; i < count; i += 4) {
      for (let j = i; j < i + 4; j++) sender.send({ Event: 'RequestDistributeUserEvent', ReferenceID: j + 1, ThisDN: '7001', UserData: [['p', payload]] });
      await until(() => delivered() === i + 4, 15_000);
    }
    await until(() => lines.some((l) => /slow reader/.test(l)));
    await until(() => sim.ctl.state().clients === 2);
  }, 30_000);
});

describe('hostile crowd', () => {
  it('hundreds of garbage connections do not cost well-behaved clients a single event', async () => {
    const { lines, log } = collectLog();
    const sim = await f.start({ pair: false, log, limits: { maxFrameBytes: 64 * 1024 } });
    const sender = await f.client();
    const listeners = [await f.client(), await f.client(), await f.client()];
    for (const l of listeners) await registerDn(l, '7001');

    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255;
    const garbage = (kind: number): Uint8Array => {
      if (kind === 0) return Uint8Array.from({ length: 64 }, rnd); // random bytes, usually an oversize prefix
      if (kind === 1) return new Uint8Array([...prefix(20), ...Array.from({ length: 20 }, rnd)]); // frame of junk
      if (kind === 2) return encode({ Event: 'RequestQueryLocation', ReferenceID: 1 }).subarray(0, 5); // truncated
      return new Uint8Array([...prefix(1 << 30)]); // oversize
    };

    const total = 100;
    const hostile = Array.from({ length: 300 }, async (_, i) => {
      const c = await connectWire(sim.primary.port);
      c.sendRaw(garbage(i % 4));
      if (i % 4 === 2) c.socket.end();
      else setTimeout(() => c.close(), 200);
      await c.closed;
    });
    for (let i = 0; i < total; i++) {
      sender.send({ Event: 'RequestDistributeUserEvent', ReferenceID: 10_000 + i, ThisDN: '7001', UserData: [['seq', i]] });
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(hostile);
    await barrier(sender);
    for (const l of listeners) {
      await barrier(l);
      const seqs = l.messages.filter((m) => m.Event === 'EventUserEvent').map((m) => m.UserData?.[0]?.[1]);
      expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i));
    }
    const acks = sender.messages.filter((m) => m.Event === 'EventACK').map((m) => m.ReferenceID);
    expect(acks).toEqual(Array.from({ length: total }, (_, i) => 10_000 + i));
    expect(lines.filter((l) => /closed: FRAME_TOO_LARGE/.test(l)).length).toBeGreaterThanOrEqual(75);
    await until(() => sim.ctl.state().clients === 4);
  }, 30_000);
});
