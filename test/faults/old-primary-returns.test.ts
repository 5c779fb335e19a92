/**
 * The primary dies, the backup takes over, then the old primary comes back
 * as the new backup and the pair switches back to it. The client follows
 * every step (switch, resync, standby reconnected from
 * EventRestoreConnection), and the application's user events arrive exactly
 * once, in order, throughout.
 */
import { describe, expect, it } from 'vitest';
import { next, until } from '../client/helpers.js';
import { nameOf, useProxiedPair } from './proxied-pair.js';
import { sendUntilAcked } from './send-all.js';
import { userEventSeqs } from './user-events.js';

const startPair = useProxiedPair();
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('the old primary comes back', () => {
  it('the client moves to the backup, takes the returning server as its standby, follows the switch back, and loses no event', async () => {
    const { sim, a, b, client } = await startPair();
    const { client: receiver, events } = await client('receiver');
    const { client: sender } = await client('sender');
    await until(() => receiver.backupServer === nameOf(b) && sender.backupServer === nameOf(b), undefined, 'standbys on b');
    await receiver.registerAddress('9200');
    await sendUntilAcked(sender, '9200', range(0, 10));

    // What a dying server had not yet written is gone with it (T-Library has no replay): fence before the crash.
    await receiver.queryAddress('fence');
    expect(userEventSeqs(events)).toEqual(range(0, 10));

    // The primary dies; the backup becomes primary.
    const resyncedOnB = next(receiver, 'resynced');
    await a.kill();
    await sim.ctl.switchover();
    expect((await resyncedOnB)[0]).toMatchObject({ server: nameOf(b), ok: true });
    await until(() => sender.server === nameOf(b), undefined, 'sender on b');
    await sendUntilAcked(sender, '9200', range(10, 20));

    // The old primary returns and the new primary reports its backup connected.
    await a.revive();
    sim.ctl.backupConnected();
    await until(() => receiver.backupServer === nameOf(a) && sender.backupServer === nameOf(a), undefined, 'standbys back on a');
    await sendUntilAcked(sender, '9200', range(20, 30));

    // Switch back to it.
    const resyncedOnA = next(receiver, 'resynced');
    await sim.ctl.switchover();
    expect((await resyncedOnA)[0]).toMatchObject({ server: nameOf(a), ok: true, addresses: [{ dn: '9200', ok: true }] });
    await until(() => sender.server === nameOf(a), undefined, 'sender on a');
    await sendUntilAcked(sender, '9200', range(30, 40));

    await receiver.queryAddress('fence');
    expect(userEventSeqs(events)).toEqual(range(0, 40));
    expect(events.filter((e) => e.Event === 'EventPrimaryChanged').map((e) => e.Server)).toEqual([nameOf(b), nameOf(a)]);
    expect(events.some((e) => e.Event === 'EventRestoreConnection')).toBe(false);
  });
});
