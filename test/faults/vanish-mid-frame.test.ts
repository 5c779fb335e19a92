/**
 * Clients that vanish halfway through a frame, some with a reset, some with
 * a FIN, while they are registered on a busy DN: the simulator drops them
 * (logging the truncated frame) and every other client gets every event.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TClient } from '../../src/client/index.js';
import { encode, type Message } from '../../src/index.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { until } from '../client/helpers.js';
import { connectRegistered, registerDn } from '../sim/wire-client.js';
import { userEventSeqs } from './user-events.js';

let sim: SimHandle | undefined;
const clients: TClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  await sim?.close();
});

async function openClient(name: string, events: Message[]): Promise<TClient> {
  const c = new TClient({ primary: sim!.primary, applicationName: name, reconnect: { enabled: false }, onEvent: (e) => events.push(e) });
  clients.push(c);
  await c.open();
  return c;
}

describe('clients vanishing mid-frame', () => {
  it('cost the others nothing: every event reaches every remaining receiver once, in order', async () => {
    const log: string[] = [];
    sim = await startSimulator({ pair: false, log: (l) => log.push(l) });
    const received = [[], [], []] as Message[][];
    const receivers = await Promise.all(received.map((events, i) => openClient(`receiver-${i}`, events)));
    for (const r of receivers) await r.registerAddress('7700');
    const sender = await openClient('sender', []);

    const vanishing = 60;
    const half = encode({ Event: 'RequestDistributeUserEvent', ReferenceID: 5, ThisDN: '7700', UserData: [['seq', -1]] });
    const gone = Array.from({ length: vanishing }, async (_, i) => {
      const c = await connectRegistered(sim!.primary.port, `vanisher-${i}`);
      await registerDn(c, '7700');
      c.sendRaw(half.subarray(0, 3 + (i % (half.length - 4))));
      await new Promise((r) => setTimeout(r, i % 7));
      if (i % 2 === 0) c.socket.resetAndDestroy();
      else c.socket.end();
      await c.closed;
    });
    const total = 300;
    for (let seq = 0; seq < total; seq++) {
      await sender.sendUserEvent('7700', [['seq', seq]]);
    }
    await Promise.all(gone);
    await until(() => sim!.ctl.state().clients === 4, undefined, 'vanished sessions removed');
    for (const [i, r] of receivers.entries()) {
      await r.queryAddress('fence');
      expect(userEventSeqs(received[i]!)).toEqual(Array.from({ length: total }, (_, s) => s));
    }
    expect(log.filter((l) => /truncated frame at close/.test(l)).length).toBeGreaterThan(0);
    expect(log.some((l) => /failed on|INTERNAL/.test(l))).toBe(false);
  });
});
