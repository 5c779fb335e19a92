/**
 * "EventRestoreConnection is processed internally by T-Library, and is not
 * delivered to the user dispatch function." and "T-Library uses this
 * information to try to connect to that server." Against the simulator.
 */
import { describe, expect, it } from 'vitest';
import { ClientError, TClient, type TClientOptions } from '../../src/client/index.js';
import { tapInternalEvents } from '../../src/client/internal-tap.js';
import type { Message } from '../../src/index.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { event, startFakeServer, type FakeServer } from './fake-server.js';
import { HANG_GUARD_MS, next, sleep, until } from './helpers.js';
import { closeAfterEach } from '../helpers/close-after-each.js';

let sim: SimHandle | undefined;
let fake: FakeServer | undefined;
let client: TClient | undefined;
closeAfterEach(() => [client, sim, fake], () => (client = sim = fake = undefined));

const nameOf = (a: { host: string; port: number }) => `${a.host}:${a.port}`;

async function openOnSim(extra: Partial<TClientOptions> = {}, tapped?: Message[]): Promise<{ sim: SimHandle; client: TClient; events: Message[] }> {
  sim = await startSimulator({ port: 0, pair: true });
  const events: Message[] = [];
  client = new TClient({ primary: sim.primary, applicationName: 'rc-test', onEvent: (e) => events.push(e), ...extra });
  if (tapped) tapInternalEvents(client, (e) => tapped.push(e));
  const connected = next(client, 'backupConnected');
  await client.open();
  await connected;
  return { sim, client, events };
}

describe('EventRestoreConnection', () => {
  it('ServerRole 0 naming the backup makes the client connect to it, and the event is never dispatched', async () => {
    const { sim, client, events } = await openOnSim();
    expect(client.backupServer).toBe(nameOf(sim.backup!));
    expect(client.server).toBe(nameOf(sim.primary));
    expect(sim.ctl.state().clients).toBe(2);
    sim.ctl.backupConnected();
    // The registration's answer comes after that EventRestoreConnection on the same connection.
    await client.registerAddress('7001');
    expect(events.map((e) => e.Event)).not.toContain('EventRestoreConnection');
    expect(events.map((e) => e.Event)).toEqual(['EventServerConnected', 'EventRegistered']);
  });

  it('reaches the internal tap (what the restore-connection-delivered defect dispatches), and not the application', async () => {
    const tapped: Message[] = [];
    const { sim, events } = await openOnSim({}, tapped);
    expect(events.map((e) => e.Event)).not.toContain('EventRestoreConnection');
    const restore = tapped.find((e) => e.Event === 'EventRestoreConnection');
    expect(restore?.ServerRole).toBe(0);
    expect(restore?.Server).toBe(nameOf(sim.primary));
  });

  it('registers the DNs on the backup as well (hot standby), so the new primary delivers to them', async () => {
    const { sim, client, events } = await openOnSim();
    await client.registerAddress('7002');
    const resynced = next(client, 'resynced');
    await sim.ctl.switchover();
    await resynced;
    expect(client.server).toBe(nameOf(sim.backup!));
    await client.sendUserEvent('7002', [['k', 'v']]);
    await until(() => events.some((e) => e.Event === 'EventUserEvent'), HANG_GUARD_MS, 'EventUserEvent from the new primary');
    const delivered = events.find((e) => e.Event === 'EventUserEvent')!;
    expect(delivered.ThisDN).toBe('7002');
    expect(delivered.Server).toBe(nameOf(sim.backup!));
  });

  it('reports an EventRestoreConnection that names no backup, without dispatching it', async () => {
    fake = await startFakeServer({
      respond: (request) =>
        request.Event === 'RequestRegisterClient' ? [event('EventServerConnected', { ReferenceID: request.ReferenceID }), event('EventRestoreConnection', { ServerRole: 0 })] : undefined,
    });
    const events: Message[] = [];
    const errors: Error[] = [];
    client = new TClient({ primary: { host: '127.0.0.1', port: fake.port }, applicationName: 'app', onEvent: (e) => events.push(e) });
    client.on('error', (e) => errors.push(e));
    await client.open();
    await until(() => errors.length > 0, HANG_GUARD_MS, 'an error event');
    expect(errors[0]).toBeInstanceOf(ClientError);
    expect((errors[0] as ClientError).code).toBe('BAD_RESTORE_CONNECTION');
    expect(events.map((e) => e.Event)).toEqual(['EventServerConnected']);
  });

  it('ServerRole 1 from the active server hands the active role to the standby (double-switchover guard)', async () => {
    const backup = await startFakeServer();
    fake = await startFakeServer({
      respond: (request) =>
        request.Event === 'RequestRegisterClient'
          ? [event('EventServerConnected', { ReferenceID: request.ReferenceID }), event('EventRestoreConnection', { ServerRole: 0, UserData: [['backup_host', '127.0.0.1'], ['backup_port', String(backup.port)]] })]
          : undefined,
    });
    try {
      client = new TClient({ primary: `127.0.0.1:${fake.port}`, applicationName: 'app' });
      const connected = next(client, 'backupConnected');
      await client.open();
      await connected;
      expect(client.pool.map((e) => e.name)).toEqual([fake.name, backup.name]);
      const switched = next(client, 'switched');
      fake.connections[0]!.send(event('EventRestoreConnection', { ServerRole: 1 }));
      const [info] = await switched;
      expect(info).toEqual({ from: fake.name, to: backup.name, reason: 'restore-connection' });
      expect(client.server).toBe(backup.name);
      expect(client.backupServer).toBe(fake.name);
      const from = backup.received.length;
      await client.queryLocation();
      expect(backup.received.slice(from).map((m) => m.Event)).toEqual(['RequestQueryLocation']);
    } finally {
      await client?.close();
      await backup.close();
    }
  });

  it('ends on the real primary when two quick switchovers interleave across the two connections', async () => {
    const b = await startFakeServer();
    fake = await startFakeServer({
      respond: (request) =>
        request.Event === 'RequestRegisterClient'
          ? [event('EventServerConnected', { ReferenceID: request.ReferenceID }), event('EventRestoreConnection', { ServerRole: 0, UserData: [['backup_host', '127.0.0.1'], ['backup_port', b.port]] })]
          : undefined,
    });
    try {
      client = new TClient({ primary: fake.name, applicationName: 'app' });
      const connected = next(client, 'backupConnected');
      await client.open();
      await connected;
      let switches = 0;
      client.on('switched', () => switches++);
      // Switchover 1 (a -> b) then 2 (b -> a): each server's own messages keep their order, the two streams interleave.
      fake.connections[0]!.send(event('EventRestoreConnection', { ServerRole: 1 }));
      fake.connections[0]!.send(event('EventPrimaryChanged'));
      await until(() => switches === 2, HANG_GUARD_MS, "a's two messages handled");
      b.connections[0]!.send(event('EventPrimaryChanged'));
      b.connections[0]!.send(event('EventRestoreConnection', { ServerRole: 1 }));
      await until(() => switches === 4, HANG_GUARD_MS, "b's two messages handled");
      expect(client.server).toBe(fake.name);
      expect(client.backupServer).toBe(b.name);
    } finally {
      await client?.close();
      await b.close();
    }
  });
});
