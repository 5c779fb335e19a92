/**
 * A server that names many backups: the client follows only the latest
 * reference (one connection, one ApplicationPassword sent), and close()
 * leaves nothing open and starts nothing. Counted on the servers' side;
 * every wait ends on a socket event.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TClient } from '../../src/client/index.js';
import { event, startFakeServer, type FakeServer } from './fake-server.js';
import { next } from './helpers.js';

const BACKUPS = 40;
let servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function primaryNaming(backups: FakeServer[]): Promise<FakeServer> {
  return startFakeServer({
    password: 'pw',
    respond: (request) =>
      request.Event === 'RequestRegisterClient'
        ? [
            event('EventServerConnected', { ReferenceID: request.ReferenceID, ServerRole: 0 }),
            ...backups.map((b) => ({ Event: 'EventRestoreConnection', ServerRole: 0, UserData: [['BackupServer', b.name]] }) as never),
          ]
        : undefined,
  });
}

const registrations = (s: FakeServer): number => s.received.filter((m) => m.Event === 'RequestRegisterClient').length;

describe('backup references', () => {
  it(`${BACKUPS} EventRestoreConnection naming ${BACKUPS} backups: one connection, to the latest; close() closes it`, async () => {
    const backups = await Promise.all(Array.from({ length: BACKUPS }, () => startFakeServer({ password: 'pw' })));
    const primary = await primaryNaming(backups);
    servers = [primary, ...backups];
    const client = new TClient({ primary: primary.name, applicationName: 'app', password: 'pw', reconnect: { enabled: false } });
    client.on('error', () => {});
    const connected = next(client, 'backupConnected');
    await client.open();
    expect((await connected)[0].server).toBe(backups[BACKUPS - 1]!.name);
    expect(backups.map(registrations)).toEqual([...Array(BACKUPS - 1).fill(0), 1]);
    // Whatever an abandoned reference opened is closed.
    await Promise.all(backups.slice(0, -1).flatMap((b) => b.connections.map((c) => c.closed)));
    await client.close();
    await Promise.all(servers.flatMap((s) => s.connections.map((c) => c.closed)));
    // A reference superseded in a later read may have opened a socket; none got further than that.
    expect(backups.slice(0, -1).every((b) => b.received.length === 0)).toBe(true);
  });

  it('close() while a backup reference is being followed: nothing is registered anywhere after it', async () => {
    const backups = await Promise.all(Array.from({ length: 3 }, () => startFakeServer({ password: 'pw' })));
    const primary = await primaryNaming(backups);
    servers = [primary, ...backups];
    const client = new TClient({ primary: primary.name, applicationName: 'app', password: 'pw', reconnect: { enabled: false } });
    client.on('error', () => {});
    await client.open();
    await client.close();
    await Promise.all(servers.flatMap((s) => s.connections.map((c) => c.closed)));
    expect(backups.map(registrations)).toEqual([0, 0, 0]);
  });
});
