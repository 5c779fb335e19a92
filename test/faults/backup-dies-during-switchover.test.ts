/**
 * The backup dies in the middle of a switchover: it has told the client it
 * is primary (EventPrimaryChanged) and then vanishes before answering the
 * resync. The client must report the resync it could not finish, fail
 * requests with typed errors rather than hang, and end on the surviving
 * server once the pair has recovered, with application events neither
 * lost nor duplicated.
 */
import { describe, expect, it } from 'vitest';
import { isClientError } from '../../src/client/index.js';
import { next, until } from '../client/helpers.js';
import { nameOf, useProxiedPair } from './proxied-pair.js';
import { sendUntilAcked } from './send-all.js';
import { userEventSeqs } from './user-events.js';

const startPair = useProxiedPair();

describe('backup dies during a switchover', () => {
  it('reports the unfinished resync, recovers on the old primary, and loses or duplicates no user event', async () => {
    const { sim, a, b, client } = await startPair();
    const { client: receiver, events } = await client('receiver');
    const { client: sender } = await client('sender');
    await until(() => receiver.backupServer === nameOf(b), undefined, 'receiver standby on b');
    await receiver.registerAddress('9001');
    await sender.sendUserEvent('9001', [['seq', 0]]);

    // b forwards its EventPrimaryChanged, then swallows the resync query and dies once it has it (an event, not a pause).
    b.afterForward = (m) => {
      if (m.Event !== 'EventPrimaryChanged') return;
      b.afterForward = undefined;
      b.blackhole(true);
      b.onClientFrame = (request) => {
        if (request.Event !== 'RequestQueryLocation') return;
        b.onClientFrame = undefined;
        void b.kill();
      };
    };
    const resynced = next(receiver, 'resynced');
    await sim.ctl.switchover();
    const [failed] = await resynced;
    expect(failed.server).toBe(nameOf(b));
    expect(failed.ok).toBe(false);
    expect(failed.location.ok).toBe(false);
    expect(!failed.location.ok && isClientError(failed.location.error, 'DISCONNECTED')).toBe(true);
    expect(failed.addresses).toHaveLength(1);
    expect(failed.addresses[0]!.ok).toBe(false);

    // The pair recovers: the surviving server a takes the primary role back.
    await until(() => receiver.server === nameOf(a), undefined, 'receiver back on a');
    const recovered = next(receiver, 'resynced');
    await sim.ctl.switchover();
    const [ok] = await recovered;
    expect(ok).toMatchObject({ server: nameOf(a), ok: true });
    await until(() => sender.server === nameOf(a), undefined, 'sender back on a');

    // The sender learns of every request the dead server could not serve through a typed error; resend those.
    await sendUntilAcked(sender, '9001', Array.from({ length: 20 }, (_, i) => i + 1));
    await receiver.queryAddress('fence');
    expect(userEventSeqs(events)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(events.filter((e) => e.Event === 'EventPrimaryChanged').map((e) => e.Server)).toEqual([nameOf(b), nameOf(a)]);
  });
});
