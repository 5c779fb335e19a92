import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/index.js';
import { SERVER_NAMES, SIM_ERROR, SimError } from '../../src/sim/index.js';
import { useSim } from './fixture.js';
import { barrier, heard, request, type WireClient } from './wire-client.js';

const f = useSim();

const HA_EVENTS = new Set(['EventLinkDisconnected', 'EventLinkConnected', 'EventPrimaryChanged', 'EventRestoreConnection']);
const haSequence = (c: WireClient, from: number) => c.messages.slice(from).filter((m) => HA_EVENTS.has(m.Event)).map((m) => m.Event);

async function switchWithLinks(primaryUp: boolean, backupUp: boolean) {
  const sim = await f.start();
  const onBackup = await f.client(sim.backup!.port);
  sim.ctl.setLink('primary', primaryUp);
  sim.ctl.setLink('backup', backupUp);
  const from = onBackup.messages.length;
  await sim.ctl.switchover();
  await onBackup.waitFor((m) => m.Event === 'EventPrimaryChanged', undefined, from);
  await barrier(onBackup);
  return { sim, onBackup, sequence: haSequence(onBackup, from) };
}

describe('switchover link ordering', () => {
  it('old primary link up, new one down: EventLinkDisconnected just before EventPrimaryChanged', async () => {
    const { sequence } = await switchWithLinks(true, false);
    expect(sequence).toEqual(['EventLinkDisconnected', 'EventPrimaryChanged']);
  });

  it('old primary link down, new one up: EventLinkConnected immediately after EventPrimaryChanged', async () => {
    const { sequence } = await switchWithLinks(false, true);
    expect(sequence).toEqual(['EventPrimaryChanged', 'EventLinkConnected']);
  });

  it('equal link states: EventPrimaryChanged alone', async () => {
    expect((await switchWithLinks(true, true)).sequence).toEqual(['EventPrimaryChanged']);
    await f.sim.close();
    expect((await switchWithLinks(false, false)).sequence).toEqual(['EventPrimaryChanged']);
  });

  it('EventPrimaryChanged carries the new primary ApplicationName and time', async () => {
    const { onBackup } = await switchWithLinks(true, true);
    const changed = onBackup.messages.find((m) => m.Event === 'EventPrimaryChanged')!;
    expect(changed.ApplicationName).toBe(SERVER_NAMES.b);
    expect(changed.time?.seconds).toBeGreaterThan(0);
  });
});

describe('EventRestoreConnection', () => {
  const backupRef = (m: Message | undefined) => Object.fromEntries(m?.UserData ?? []);

  it('ServerRole 0 naming the backup to a client registering with the primary, and again on backupConnected()', async () => {
    const sim = await f.start();
    const c = await f.client();
    const first = await c.waitFor((m) => m.Event === 'EventRestoreConnection');
    expect(first.ServerRole).toBe(0);
    expect(backupRef(first)).toEqual({ backup_host: '127.0.0.1', backup_port: sim.backup!.port });
    const from = c.messages.length;
    sim.ctl.backupConnected();
    const again = await c.waitFor((m) => m.Event === 'EventRestoreConnection', undefined, from);
    expect(again.ServerRole).toBe(0);
    // "it does not use the conventional event contents structure": ServerRole and UserData only.
    expect(Object.keys(again).sort()).toEqual(['Event', 'ServerRole', 'UserData']);
  });

  it('ServerRole 1 from the primary that became backup, naming itself as backup and the new primary', async () => {
    const sim = await f.start();
    const onOld = await f.client();
    const from = onOld.messages.length;
    await sim.ctl.switchover();
    const demoted = await onOld.waitFor((m) => m.Event === 'EventRestoreConnection', undefined, from);
    expect(demoted.ServerRole).toBe(1);
    expect(backupRef(demoted)).toEqual({ backup_host: '127.0.0.1', backup_port: sim.primary.port, primary_host: '127.0.0.1', primary_port: sim.backup!.port });
    await barrier(onOld);
    expect(onOld.messages.slice(from).some((m) => m.Event === 'EventPrimaryChanged')).toBe(false);
  });

  it('is not sent by a server running alone', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    expect(await heard(c, 'EventRestoreConnection')).toBe(false);
  });
});

describe('roles', () => {
  it('the backup serves registration and queries and refuses the rest until it becomes primary, and back', async () => {
    const sim = await f.start();
    const b = await f.client(sim.backup!.port);
    expect(await request(b, { Event: 'RequestRegisterAddress', ThisDN: '7001' })).toMatchObject({ Event: 'EventRegistered' });
    expect(await request(b, { Event: 'RequestQueryAddress', ThisDN: '7001' })).toMatchObject({ Event: 'EventAddressInfo' });
    expect(await request(b, { Event: 'RequestDistributeUserEvent', ThisDN: '7001' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.NOT_PRIMARY.code });
    await sim.ctl.switchover();
    expect(sim.ctl.state().primary).toBe('b');
    expect(await request(b, { Event: 'RequestDistributeUserEvent', ThisDN: '7001' })).toMatchObject({ Event: 'EventACK' });
    await sim.ctl.switchover();
    expect(sim.ctl.state()).toMatchObject({ primary: 'a', switchovers: 2 });
    expect(await request(b, { Event: 'RequestDistributeUserEvent', ThisDN: '7001' })).toMatchObject({ Event: 'EventError' });
  });

  it('the pair shares calls and subscriptions: the new primary knows them', async () => {
    const sim = await f.start();
    const connId = sim.ctl.addCall({ ThisDN: '7001', CustomerID: 'c1' });
    const a = await f.client();
    const start = await request(a, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: 1 });
    await sim.ctl.switchover();
    const b = await f.client(sim.backup!.port);
    expect(await request(b, { Event: 'RequestQueryCall', ConnID: connId })).toMatchObject({ Event: 'EventPartyInfo', CustomerID: 'c1' });
    expect(await request(b, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: 2, SubscriptionID: start.SubscriptionID })).toMatchObject({ Event: 'EventACK' });
  });

  it('refuses hot-standby actions without a backup', async () => {
    const sim = await f.start({ pair: false });
    await expect(sim.ctl.switchover()).rejects.toBeInstanceOf(SimError);
    expect(() => sim.ctl.backupConnected()).toThrow(/without a backup/);
  });
});
