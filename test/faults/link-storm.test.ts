/**
 * A link storm on the primary: a proxy cuts every link to the primary right
 * after the primary answers on it, while it stays alive and primary. The
 * client falls over to the backup (which reports ServerRole 1) and must not
 * stay there silently: it reports NOT_PRIMARY, goes on looking for the
 * primary, and once the storm ends it is back on the primary and gets every
 * event. The storm is counted in links cut, not timed: a loaded machine
 * sees the same storm.
 */
import { describe, expect, it } from 'vitest';
import { TClient, type ClientError } from '../../src/client/index.js';
import { until } from '../client/helpers.js';
import { nameOf, useProxiedPair } from './proxied-pair.js';
import { sendUntilAcked } from './send-all.js';
import { userEventSeqs } from './user-events.js';

const startPair = useProxiedPair();
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('a link storm on the primary', () => {
  it('the client says when it is on a backup, finds the primary again and loses none of the later events', async () => {
    const { sim, a, b, client } = await startPair();
    const { client: receiver, events } = await client('receiver');
    const errors: ClientError[] = [];
    receiver.on('error', (e) => errors.push(e as ClientError));
    // 'opened' comes once the DNs are registered again on the server the client is now on.
    const opened: string[] = [];
    receiver.on('opened', (info) => opened.push(info.server));
    await until(() => receiver.backupServer === nameOf(b), undefined, 'standby on b');
    await receiver.registerAddress('9400');

    a.cutEachLink(true);
    a.dropLinks();
    await until(() => receiver.server === nameOf(b) && errors.some((e) => e.code === 'NOT_PRIMARY'), undefined, 'the client fell over to the backup and said so');
    // On the backup it goes on looking for the primary: three more of its links to the primary cut.
    const cutOnBackup = a.cuts;
    await until(() => a.cuts >= cutOnBackup + 3, undefined, 'the client still looking for the primary from the backup');
    a.cutEachLink(false);

    // The primary never stopped being primary: the client must be back on it.
    await until(() => receiver.server === nameOf(a) && opened.at(-1) === nameOf(a), undefined, 'the client back on the primary, its DNs registered there');
    expect(errors.some((e) => e.code === 'NOT_PRIMARY')).toBe(true);
    expect(receiver.phase).toBe('open');

    const sender = new TClient({ primary: sim.primary, applicationName: 'sender', reconnect: { enabled: false } });
    try {
      await sender.open();
      await sendUntilAcked(sender, '9400', range(20));
      await until(() => userEventSeqs(events).length >= 20, undefined, '20 events delivered');
      expect(userEventSeqs(events)).toEqual(range(20));
    } finally {
      await sender.close();
    }
  }, 30_000);
});
