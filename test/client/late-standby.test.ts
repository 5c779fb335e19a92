/**
 * The active server's EventRestoreConnection ServerRole 1 can be read before
 * the backup's EventServerConnected: two sockets, no order between them.
 * ServerRole 1 "is used to prevent a race condition": once the backup's
 * registration completes, the client switches to it, as it would have had
 * the registration come first (the library suite's server-role-1 scenario
 * saw requests stay on the old primary when it did not).
 */
import { describe, expect, it } from 'vitest';
import { ClientError, TClient } from '../../src/client/index.js';
import type { Message } from '../../src/index.js';
import { closeAfterEach } from '../helpers/close-after-each.js';
import { event, namingBackup, startFakeServer, type FakeConnection, type FakeServer } from './fake-server.js';
import { next, until } from './helpers.js';

let a: FakeServer | undefined;
let b: FakeServer | undefined;
let client: TClient | undefined;
closeAfterEach(() => [client, a, b], () => (client = a = b = undefined));

describe('ServerRole 1 read before the backup registered', () => {
  it('the backup becomes active when its EventServerConnected arrives, and requests go there', async () => {
    b = await startFakeServer();
    let heldRegistration: { request: Message; connection: FakeConnection } | undefined;
    // B keeps its first registration unanswered until the test releases it.
    b.respond = (request, connection) => {
      if (request.Event !== 'RequestRegisterClient' || heldRegistration) return undefined;
      heldRegistration = { request, connection };
      return [];
    };
    a = await startFakeServer({ respond: namingBackup(b) });
    const errors: ClientError[] = [];
    // The search for the primary (NOT_PRIMARY) must not be what finds B: its first step waits far beyond this test.
    client = new TClient({ primary: { host: '127.0.0.1', port: a.port }, applicationName: 'late-standby', reconnect: { randomDelayMs: 600_000, switchoverDelayMs: 600_000 } });
    client.on('error', (e) => errors.push(e as ClientError));
    await client.open();
    await b.waitFor((m) => m.Event === 'RequestRegisterClient');

    a.connections[0]!.send(event('EventRestoreConnection', { ServerRole: 1, UserData: [['backup_host', '127.0.0.1'], ['backup_port', a.port]] }));
    // The client read A's ServerRole 1 with no standby yet: it says it is on a backup.
    await until(() => errors.some((e) => e.code === 'NOT_PRIMARY'), undefined, 'NOT_PRIMARY after A stepped down');
    expect(client.server).toBe(a.name);

    const switched = next(client, 'switched');
    heldRegistration!.connection.send(event('EventServerConnected', { ReferenceID: heldRegistration!.request.ReferenceID, ServerRole: 1 }));
    const [sw] = await switched;
    expect(sw).toEqual({ from: a.name, to: b.name, reason: 'restore-connection' });
    expect(client.server).toBe(b.name);

    const from = b.received.length;
    void client.sendUserEvent('7001', [['k', 'v']]).catch(() => {});
    await b.waitFor((m) => m.Event === 'RequestDistributeUserEvent', undefined, from);
    expect(a.received.some((m) => m.Event === 'RequestDistributeUserEvent')).toBe(false);
  });
});
