/**
 * phase and ready are derived from the one state that requests meet: while
 * no active connection is open the client never says `open`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TClient } from '../../src/client/index.js';
import { event, startFakeServer, type FakeServer } from './fake-server.js';
import { next } from './helpers.js';

let servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('phase', () => {
  it('after losing the primary, while the standby has its time to report EventPrimaryChanged: reconnecting, not ready, requests NOT_OPEN', async () => {
    const backup = await startFakeServer();
    const primary = await startFakeServer({
      respond: (r) =>
        r.Event === 'RequestRegisterClient'
          ? [event('EventServerConnected', { ReferenceID: r.ReferenceID, ServerRole: 0 }), { Event: 'EventRestoreConnection', ServerRole: 0, UserData: [['backup_host', '127.0.0.1'], ['backup_port', backup.port]] } as never]
          : undefined,
    });
    servers = [primary, backup];
    const client = new TClient({ primary: primary.name, applicationName: 'app', reconnect: { switchoverDelayMs: 600_000 } });
    client.on('error', () => {});
    const standby = next(client, 'backupConnected');
    await client.open();
    await standby;
    expect([client.phase, client.ready]).toEqual(['open', true]);
    const lost = next(client, 'disconnected');
    primary.connections[0]!.destroy();
    await lost;
    expect([client.phase, client.ready, client.server]).toEqual(['reconnecting', false, undefined]);
    await expect(client.sendUserEvent('7001', [])).rejects.toMatchObject({ code: 'NOT_OPEN' });
    await client.close();
    expect([client.phase, client.ready]).toEqual(['closed', false]);
  });
});
