/**
 * Half-open connections. The protocol has no keepalive, so neither side can
 * tell a silent peer from a dead one by itself: the simulator closes a
 * connection with no traffic either way for limits.idleTimeoutMs (off by
 * default: a listening client is legitimately silent), and a client's
 * request to a silent server rejects with REQUEST_TIMEOUT. A peer that
 * stays connected but stops reading is the slow reader of
 * test/sim/bad-input.test.ts (cut past limits.maxQueuedBytes).
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { TClient, isClientError } from '../../src/client/index.js';
import { decode, encode, FrameDecoder, type Message } from '../../src/index.js';
import { DEFAULT_SIM_LIMITS, startSimulator, type SimHandle } from '../../src/sim/index.js';
import { until } from '../client/helpers.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { connectRegistered, request } from '../sim/wire-client.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { closeAfterEach } from '../helpers/close-after-each.js';

let sim: SimHandle | undefined;
let proxy: FaultProxy | undefined;
let client: TClient | undefined;
closeAfterEach(() => [client, proxy, sim], () => (client = proxy = sim = undefined));

describe('half-open connections', () => {
  it('the idle timeout is off by default, so a quiet listener is never cut', () => {
    expect(DEFAULT_SIM_LIMITS.idleTimeoutMs).toBe(0);
  });

  it('a peer whose network vanished (no FIN, no RST) is closed by the idle timeout; a peer that talks is not', async () => {
    const log: string[] = [];
    const clock = new ManualClock();
    sim = await startSimulator({ pair: false, log: (l) => log.push(l), limits: { idleTimeoutMs: 300 }, scheduler: clock });
    proxy = await startFaultProxy(sim.primary);
    const lost = await connectRegistered(proxy.port, 'lost');
    const talker = await connectRegistered(sim.primary.port, 'talker');
    proxy.blackhole(true);
    try {
      clock.advance(200);
      expect(await request(talker, { Event: 'RequestQueryLocation' })).toMatchObject({ Event: 'EventLocationInfo' });
      // 300 ms after the last traffic of the lost peer, 100 after the talker's.
      clock.advance(100);
      expect(log.filter((l) => /idle for 300 ms/.test(l))).toHaveLength(1);
      await until(() => sim!.ctl.state().clients === 1, undefined, 'one session left');
      clock.advance(199);
      expect(talker.socket.destroyed).toBe(false);
      expect(await request(talker, { Event: 'RequestQueryLocation' })).toMatchObject({ Event: 'EventLocationInfo' });
      expect(log.filter((l) => /idle/.test(l))).toHaveLength(1);
    } finally {
      lost.close();
      talker.close();
    }
  });

  it('a peer that half-closes (FIN) still receives the answers to what it sent before', async () => {
    sim = await startSimulator({ pair: false });
    const socket = net.connect({ port: sim.primary.port, host: '127.0.0.1', allowHalfOpen: true });
    const received: Message[] = [];
    const frames = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => frames.push(chunk).forEach((f) => received.push(decode(f))));
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.write(encode({ Event: 'RequestRegisterClient', ReferenceID: 1, ApplicationName: 'fin' }));
    socket.end(encode({ Event: 'RequestQueryLocation', ReferenceID: 2 }));
    await closed;
    expect(received.map((m) => [m.Event, m.ReferenceID])).toEqual([
      ['EventServerConnected', 1],
      ['EventLocationInfo', 2],
    ]);
    await until(() => sim!.ctl.state().clients === 0, undefined, 'session removed');
  });

  it("a client's request to a server that went silent rejects with REQUEST_TIMEOUT instead of hanging", async () => {
    sim = await startSimulator({ pair: false });
    proxy = await startFaultProxy(sim.primary);
    client = new TClient({ primary: proxy.address, applicationName: 'silent', reconnect: { enabled: false } });
    await client.open();
    proxy.blackhole(true);
    const error = await client.request({ Event: 'RequestQueryLocation' }, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(isClientError(error, 'REQUEST_TIMEOUT')).toBe(true);
  });
});
