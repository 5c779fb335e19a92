/**
 * An event the old primary wrote before it stepped down, read by the client
 * only after the new primary's EventPrimaryChanged (two sockets: nothing
 * orders them). It is a genuine application event and must be dispatched,
 * not dropped because another connection is active by then. The old
 * primary's path is held back by the proxy to make the race certain.
 */
import { describe, expect, it } from 'vitest';
import { connectRegistered } from '../sim/wire-client.js';
import { next, until } from '../client/helpers.js';
import { nameOf, useProxiedPair } from './proxied-pair.js';
import { userEventSeqs } from './user-events.js';

const startPair = useProxiedPair();

describe("the old primary's last events", () => {
  it('are dispatched when they arrive after the new primary took over', async () => {
    const { sim, a, b, client } = await startPair();
    const { client: receiver, events } = await client('receiver');
    await until(() => receiver.backupServer === nameOf(b), undefined, 'receiver standby on b');
    await receiver.registerAddress('9100');
    const sender = await connectRegistered(sim.primary.port, 'sender');
    try {
      a.hold(true);
      sender.send({ Event: 'RequestDistributeUserEvent', ReferenceID: 1, ThisDN: '9100', UserData: [['seq', 0]] });
      await sender.waitFor((m) => m.Event === 'EventACK' && m.ReferenceID === 1);
      const switched = next(receiver, 'switched');
      await sim.ctl.switchover();
      expect((await switched)[0]).toMatchObject({ to: nameOf(b), reason: 'primary-changed' });
      a.hold(false);
      await until(() => userEventSeqs(events).length > 0, undefined, 'the held user event');
      await receiver.queryAddress('fence');
      expect(userEventSeqs(events)).toEqual([0]);
      expect(events.find((e) => e.Event === 'EventUserEvent')!.Server).toBe(nameOf(a));
    } finally {
      sender.close();
    }
  });
});
