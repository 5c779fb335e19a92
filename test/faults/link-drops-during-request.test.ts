/**
 * The link drops while a request waits for its answer. The request settles
 * with a typed error (never hangs), the client reconnects and registers its
 * DNs again, and when it cannot reconnect it says so.
 */
import { describe, expect, it } from 'vitest';
import { TClient, isClientError, type ClientError, type ReconnectOptions } from '../../src/client/index.js';
import type { Message } from '../../src/index.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { next } from '../client/helpers.js';
import { barrier, connectRegistered, registerDn } from '../sim/wire-client.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { FAST } from './proxied-pair.js';
import { sendUntilAcked } from './send-all.js';
import { userEventSeqs } from './user-events.js';
import { closeAfterEach } from '../helpers/close-after-each.js';

let sim: SimHandle | undefined;
let proxy: FaultProxy | undefined;
let client: TClient | undefined;
closeAfterEach(() => [client, proxy, sim], () => (client = proxy = sim = undefined));

async function setUp(reconnect: ReconnectOptions = FAST): Promise<{ events: Message[] }> {
  sim = await startSimulator({ pair: false });
  proxy = await startFaultProxy(sim.primary);
  const events: Message[] = [];
  client = new TClient({ primary: proxy.address, applicationName: 'link', reconnect, onEvent: (e) => events.push(e) });
  await client.open();
  await client.registerAddress('9300');
  return { events };
}

describe('the link drops during a request', () => {
  it('the request rejects with DISCONNECTED; the client reconnects, re-registers, and events flow again without loss', async () => {
    const { events } = await setUp();
    const sender = await connectRegistered(sim!.primary.port, 'sender');
    try {
      const send = (seq: number) => sender.send({ Event: 'RequestDistributeUserEvent', ReferenceID: 100 + seq, ThisDN: '9300', UserData: [['seq', seq]] });
      send(0);
      await client!.queryAddress('fence');
      proxy!.blackhole(true);
      const pending = client!.queryLocation();
      const opened = next(client!, 'opened');
      proxy!.blackhole(false);
      proxy!.dropLinks();
      const error = (await pending.catch((e: unknown) => e)) as ClientError;
      expect(isClientError(error, 'DISCONNECTED')).toBe(true);
      const [info] = await opened;
      expect(info.reconnected).toBe(true);
      expect(info.registrations).toMatchObject([{ dn: '9300', ok: true }]);
      send(1);
      await sender.waitFor((m) => m.Event === 'EventACK' && m.ReferenceID === 101);
      await client!.queryAddress('fence');
      expect(userEventSeqs(events)).toEqual([0, 1]);
    } finally {
      sender.close();
    }
  });

  it('many requests in flight when the link drops: every one settles, each with its answer or DISCONNECTED', async () => {
    await setUp();
    const inFlight = Array.from({ length: 200 }, () => client!.queryLocation().then(() => 'answered', (e: unknown) => (isClientError(e, 'DISCONNECTED') ? 'disconnected' : `other: ${String(e)}`)));
    proxy!.dropLinks();
    const outcomes = await Promise.all(inFlight);
    expect(outcomes.every((o) => o === 'answered' || o === 'disconnected')).toBe(true);
    expect(outcomes).toContain('disconnected');
  });

  it("an application resending on typed errors gets every user event delivered at least once and in order across repeated drops of its link", async () => {
    await setUp();
    // A receiver on its own link: a copy the server wrote to a link that then dropped is gone (T-Library has no replay), so the storm is on the sender's link only.
    const receiver = await connectRegistered(sim!.primary.port, 'receiver');
    try {
      await registerDn(receiver, '9300');
      const total = 60;
      // Cuts by count of frames the server sent, at shifting points of the exchange (after an answer, after the sender's own copy, during re-registration).
      const gaps = Array.from({ length: 15 }, (_, i) => 3 + ((i * 5) % 7));
      proxy!.cutAfter(gaps);
      await sendUntilAcked(client!, '9300', Array.from({ length: total }, (_, i) => i));
      expect(proxy!.cuts).toBeGreaterThanOrEqual(10);
      proxy!.cutAfter([]);
      await barrier(receiver);
      const seqs = userEventSeqs(receiver.messages) as number[];
    // A drop between the server's delivery and its ACK makes the application resend: at-least-once, never out of order.
      expect(new Set(seqs)).toEqual(new Set(Array.from({ length: total }, (_, i) => i)));
      expect(seqs.every((s, i) => i === 0 || s >= seqs[i - 1]!)).toBe(true);
    } finally {
      receiver.close();
    }
  });

  it('when the server stays gone, the client reports ALL_ENDPOINTS_FAILED and later requests reject NOT_OPEN', async () => {
    await setUp({ ...FAST, maxPasses: 2 });
    const failed = next(client!, 'error');
    const pending = client!.queryLocation();
    await proxy!.kill();
    expect(isClientError(await pending.catch((e: unknown) => e), 'DISCONNECTED')).toBe(true);
    const [error] = await failed;
    expect(isClientError(error, 'ALL_ENDPOINTS_FAILED')).toBe(true);
    expect(client!.phase).toBe('down');
    expect(isClientError(await client!.queryLocation().catch((e: unknown) => e), 'NOT_OPEN')).toBe(true);
  });
});
