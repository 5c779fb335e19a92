/**
 * EventPrimaryChanged: the client switches to "the one reporting this event",
 * dispatches it, and re-synchronises with TQueryLocation then TQueryAddress,
 * honouring the reference's link ordering. Against the simulator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TClient } from '../../src/client/index.js';
import type { Message } from '../../src/index.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { event, namingBackup, startFakeServer, type FakeServer } from './fake-server.js';
import { HANG_GUARD_MS, next, sleep, until } from './helpers.js';

let sim: SimHandle | undefined;
let client: TClient | undefined;
const fakes: FakeServer[] = [];
afterEach(async () => {
  await client?.close();
  await sim?.close();
  for (const f of fakes.splice(0)) await f.close();
  client = sim = undefined;
});

const nameOf = (a: { host: string; port: number }) => `${a.host}:${a.port}`;

async function openOnSim(defects: string[] = []): Promise<{ sim: SimHandle; client: TClient; events: Message[] }> {
  sim = await startSimulator({ port: 0, pair: true, defects });
  const events: Message[] = [];
  client = new TClient({ primary: sim.primary, applicationName: 'switch-test', onEvent: (e) => events.push(e) });
  const connected = next(client, 'backupConnected');
  await client.open();
  await connected;
  await client.registerAddress('8001');
  await client.registerAddress('8002');
  return { sim, client, events };
}

describe('switchover', () => {
  it('moves to the new primary, dispatches EventPrimaryChanged from it and resyncs location then every DN', async () => {
    const { sim, client, events } = await openOnSim();
    const resynced = next(client, 'resynced');
    await sim.ctl.switchover();
    const [result] = await resynced;
    expect(client.server).toBe(nameOf(sim.backup!));
    expect(client.backupServer).toBe(nameOf(sim.primary));
    const changed = events.filter((e) => e.Event === 'EventPrimaryChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.Server).toBe(nameOf(sim.backup!));
    expect(result.server).toBe(nameOf(sim.backup!));
    expect(result.ok).toBe(true);
    expect(result.location.ok && result.location.answer.Event).toBe('EventLocationInfo');
    expect(result.addresses.map((a) => [a.dn, a.ok && a.answer.Event])).toEqual([
      ['8001', 'EventAddressInfo'],
      ['8002', 'EventAddressInfo'],
    ]);
    const after = events.slice(events.indexOf(changed[0]!) + 1).map((e) => e.Event);
    expect(after.slice(0, 3)).toEqual(['EventLocationInfo', 'EventAddressInfo', 'EventAddressInfo']);
    expect(events.every((e) => e.Event !== 'EventRestoreConnection')).toBe(true);
  });

  it('ends on the right primary after two quick switchovers', async () => {
    const { sim, client } = await openOnSim();
    await sim.ctl.switchover();
    await sim.ctl.switchover();
    expect(sim.ctl.state().primary).toBe('a');
    await until(() => client.server === nameOf(sim.primary), HANG_GUARD_MS, 'the client on a, the primary');
    const answer = await client.queryLocation();
    expect(answer.Server).toBe(nameOf(sim.primary));
  });

  it('dispatches EventLinkDisconnected just before EventPrimaryChanged and does not resync while the link is down', async () => {
    const { sim, client, events } = await openOnSim();
    sim.ctl.setLink('backup', false);
    let resyncs = 0;
    client.on('resynced', () => resyncs++);
    const switched = next(client, 'switched');
    await sim.ctl.switchover();
    await switched;
    // A barrier on the new primary's connection: a resync started by the switch would have been answered before this.
    await client.queryLocation();
    const names = events.map((e) => e.Event);
    const at = names.indexOf('EventPrimaryChanged');
    expect(names[at - 1]).toBe('EventLinkDisconnected');
    expect(events[at - 1]!.Server).toBe(nameOf(sim.backup!));
    expect(resyncs).toBe(0);
  });

  it('dispatches EventLinkConnected immediately after EventPrimaryChanged and resyncs', async () => {
    const { sim, client, events } = await openOnSim();
    sim.ctl.setLink('primary', false);
    const resynced = next(client, 'resynced');
    await sim.ctl.switchover();
    const [result] = await resynced;
    expect(result.ok).toBe(true);
    const names = events.map((e) => e.Event);
    const at = names.indexOf('EventPrimaryChanged');
    expect(names[at + 1]).toBe('EventLinkConnected');
  });

  it('reports a failed resync with the EventError of the query', async () => {
    const { sim, client } = await openOnSim(['resync-query-location-fails']);
    const resynced = next(client, 'resynced');
    await sim.ctl.switchover();
    const [result] = await resynced;
    expect(result.ok).toBe(false);
    expect(result.location.ok).toBe(false);
    expect(!result.location.ok && result.location.error).toMatchObject({ code: 'REQUEST_FAILED' });
  });

  it('resyncs once the new primary reports EventLinkConnected after a link-down switchover', async () => {
    const backup = await startFakeServer();
    const primary = await startFakeServer({
      respond: namingBackup(backup),
    });
    fakes.push(primary, backup);
    const events: Message[] = [];
    client = new TClient({ primary: `127.0.0.1:${primary.port}`, applicationName: 'app', onEvent: (e) => events.push(e) });
    const connected = next(client, 'backupConnected');
    await client.open();
    await connected;
    let resyncs = 0;
    client.on('resynced', () => resyncs++);
    const standby = backup.connections[0]!;
    standby.send(event('EventLinkDisconnected'));
    standby.send(event('EventPrimaryChanged'));
    // Both events dispatched (an arrival, not a pause): the switchover is seen, and no resync started while the link is down.
    await until(() => events.at(-1)?.Event === 'EventPrimaryChanged', undefined, 'EventPrimaryChanged dispatched');
    expect(resyncs).toBe(0);
    expect(events.slice(-2).map((e) => e.Event)).toEqual(['EventLinkDisconnected', 'EventPrimaryChanged']);
    const resynced = next(client, 'resynced');
    standby.send(event('EventLinkConnected'));
    const [result] = await resynced;
    expect(result.server).toBe(backup.name);
    expect(resyncs).toBe(1);
  });
});
