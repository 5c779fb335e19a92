/**
 * The mutants with a `kind` (mutants.json), on the raw wire: each breaks its
 * sentence only where its kind says (late, on the backup, after a switchover,
 * on one copy, for an unknown resource, in the nested format, after the
 * awaited answer, in repeated keys, in the application view), and the place
 * a runner looks first is clean. A mutant that broke nothing would make every
 * "caught" meaningless.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/index.js';
import { startVendorPair, type VendorHandle } from './start.js';
import { WireClient } from './wire-client.js';
import { switchFault, switchover } from './control.js';
import { MUTANTS } from './mutants.js';
import { requireBuiltCli } from './conform-run.js';
import { BridgeSession } from './bridge-session.js';
import type { ServerOptions } from './options.js';

let handle: VendorHandle | undefined;
const clients: WireClient[] = [];
const sessions: BridgeSession[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(sessions.splice(0).map((s) => s.end()));
  await handle?.close();
  handle = undefined;
});

async function pairWith(mutant: string, options: Partial<ServerOptions> = {}): Promise<VendorHandle> {
  handle = await startVendorPair({ controlPort: -1, mutant, ...options });
  return handle;
}

async function client(endpoint: { host: string; port: number }, ...dns: string[]): Promise<WireClient> {
  const c = await WireClient.registered(endpoint);
  clients.push(c);
  for (const dn of dns) await c.register(dn);
  return c;
}

/** Everything the server wrote to `c` before answering this has arrived. */
async function barrier(c: WireClient): Promise<void> {
  await c.request({ Event: 'RequestQueryLocation' }, 'EventLocationInfo');
}

const STRICT: Partial<ServerOptions> = { resources: { dns: ['5101', '5102', '5103'], agents: ['1001'], places: [], calls: [] } };
const after = (c: WireClient, from: number, Event: string) => c.waitFor((m) => m.Event === Event, from);

/** `to` gets an `Event` like `like`, and `not` none before a barrier: the mutant broke its sentence on one side only. */
async function reachesOnly(to: WireClient, not: WireClient, Event: string, like: Partial<Message>): Promise<void> {
  expect(await after(to, 0, Event)).toMatchObject(like);
  await barrier(not);
  expect(not.of(Event)).toEqual([]);
}

/** On a pair running `mutant`, a sender on the primary distributes a user event on 7001: the EventUserEvent of each receiver, one on each of `servers`. */
async function userEventsOn(mutant: string, servers: ReadonlyArray<'primary' | 'backup'>): Promise<Message[]> {
  const h = await pairWith(mutant);
  const sender = await client(h.primary);
  const receivers: WireClient[] = [];
  for (const server of servers) receivers.push(await client(h[server], '7001'));
  await sender.request({ Event: 'RequestDistributeUserEvent', ThisDN: '7001' }, 'EventACK');
  return Promise.all(receivers.map((r) => after(r, 0, 'EventUserEvent')));
}

describe('late', () => {
  it('reserved-leak-late: a bystander gets EventAgentReserved after the entitled clients got theirs', async () => {
    const h = await pairWith('reserved-leak-late');
    const requester = await client(h.primary);
    const onDn = await client(h.primary, '7001');
    const bystander = await client(h.backup, '7002');
    await requester.request({ Event: 'RequestReserveAgent', AgentID: 'a1', ThisDN: '7001' }, 'EventAgentReserved');
    await after(onDn, 0, 'EventAgentReserved');
    expect(await after(bystander, 0, 'EventAgentReserved')).toMatchObject({ AgentID: 'a1', ThisDN: '7001' });
  });

  it('user-event-leak-late: a bystander gets EventUserEvent after the clients on ThisDN got theirs', async () => {
    const h = await pairWith('user-event-leak-late');
    const sender = await client(h.primary);
    const onDn = await client(h.primary, '7001');
    const bystander = await client(h.primary, '7002');
    await sender.request({ Event: 'RequestDistributeUserEvent', ThisDN: '7001', UserData: [['k', 'v']] }, 'EventACK');
    await after(onDn, 0, 'EventUserEvent');
    await reachesOnly(bystander, sender, 'EventUserEvent', { ThisDN: '7001' });
  });

  it('private-info-leak-late: a bystander gets EventPrivateInfo after the requester and the device clients got theirs', async () => {
    const h = await pairWith('private-info-leak-late');
    const requester = await client(h.primary);
    const onDn = await client(h.primary, '7001');
    const bystander = await client(h.backup, '7002');
    await requester.request({ Event: 'RequestPrivateService', PrivateEvent: 3, ThisDN: '7001' }, 'EventACK');
    await after(onDn, 0, 'EventPrivateInfo');
    expect(await after(bystander, 0, 'EventPrivateInfo')).toMatchObject({ PrivateEvent: 3, ThisDN: '7001' });
  });

  it('primary-changed-late-to-old-primary: the old primary tells its clients too, after the switchover', async () => {
    const h = await pairWith('primary-changed-late-to-old-primary');
    const onOne = await client(h.primary);
    const onTwo = await client(h.backup);
    await switchover(h.pair);
    await after(onTwo, 0, 'EventPrimaryChanged');
    await after(onOne, 0, 'EventPrimaryChanged');
  });
});

describe('on the backup, after a switchover', () => {
  it('ack-no-time-after-switchover: EventACK has time from the first primary, none from the promoted one', async () => {
    const h = await pairWith('ack-no-time-after-switchover');
    const onOne = await client(h.primary);
    const onTwo = await client(h.backup);
    expect((await onOne.request({ Event: 'RequestSetInputMask' }, 'EventACK')).time).toBeDefined();
    await switchover(h.pair);
    const ack = await onTwo.request({ Event: 'RequestSetInputMask' }, 'EventACK');
    expect(ack.Event).toBe('EventACK');
    expect(ack).not.toHaveProperty('time');
  });

  it('primary-changed-no-time-on-switch-back: time at the first switchover, none at the switch back', async () => {
    const h = await pairWith('primary-changed-no-time-on-switch-back');
    const onOne = await client(h.primary);
    const onTwo = await client(h.backup);
    await switchover(h.pair);
    expect((await after(onTwo, 0, 'EventPrimaryChanged')).time).toBeDefined();
    const from = onOne.received.length;
    await switchover(h.pair);
    expect(await after(onOne, from, 'EventPrimaryChanged')).not.toHaveProperty('time');
  });

  it('hardware-error-no-time-on-backup: the primary copy has time, the backup copy none', async () => {
    const h = await pairWith('hardware-error-no-time-on-backup');
    const onOne = await client(h.primary);
    const onTwo = await client(h.backup);
    await switchFault(h.pair, 'checksum', { ThisDN: '7001' });
    expect((await after(onOne, 0, 'EventHardwareError')).time).toBeDefined();
    expect(await after(onTwo, 0, 'EventHardwareError')).not.toHaveProperty('time');
  });

  it('user-event-no-time-on-backup: the primary client copy has time, the backup client copy none', async () => {
    const [onOne, onTwo] = await userEventsOn('user-event-no-time-on-backup', ['primary', 'backup']);
    expect(onOne!.time).toBeDefined();
    expect(onTwo).not.toHaveProperty('time');
  });

  it('obsolete-resource-allocated-on-backup: EventResourceAllocated after EventRegistered on the backup only', async () => {
    const h = await pairWith('obsolete-resource-allocated-on-backup');
    const onOne = await client(h.primary, '7001');
    const onTwo = await client(h.backup, '7001');
    await reachesOnly(onTwo, onOne, 'EventResourceAllocated', { ThisDN: '7001' });
  });

  it('restore-role-0-from-backup: a client of the backup gets EventRestoreConnection ServerRole 0', async () => {
    const h = await pairWith('restore-role-0-from-backup');
    const onTwo = await client(h.backup);
    expect(await after(onTwo, 0, 'EventRestoreConnection')).toMatchObject({ ServerRole: 0 });
  });

  it('restore-backup-role-0-on-switch-back: ServerRole 1 from the first demoted server, 0 from the second', async () => {
    const h = await pairWith('restore-backup-role-0-on-switch-back');
    const onOne = await client(h.primary);
    const onTwo = await client(h.backup);
    await after(onOne, 0, 'EventRestoreConnection');
    let from = onOne.received.length;
    await switchover(h.pair);
    expect(await after(onOne, from, 'EventRestoreConnection')).toMatchObject({ ServerRole: 1 });
    from = onTwo.received.length;
    await switchover(h.pair);
    expect(await after(onTwo, from, 'EventRestoreConnection')).toMatchObject({ ServerRole: 0 });
  });
});

describe('one copy only', () => {
  it('reserved-copy-wrong-agent-id: the requester copy echoes AgentID, the DN clients copy does not', async () => {
    const h = await pairWith('reserved-copy-wrong-agent-id');
    const requester = await client(h.primary);
    const onDn = await client(h.primary, '7001');
    expect(await requester.request({ Event: 'RequestReserveAgent', AgentID: 'a1', ThisDN: '7001' }, 'EventAgentReserved')).toMatchObject({ AgentID: 'a1' });
    expect((await after(onDn, 0, 'EventAgentReserved')).AgentID).not.toBe('a1');
  });

  it('call-info-copy-no-time: the requester copy has time, the DN clients copy none', async () => {
    const h = await pairWith('call-info-copy-no-time');
    const call = h.pair.addCall({ ThisDN: '7001' });
    const requester = await client(h.primary);
    const onDn = await client(h.primary, '7001');
    expect((await requester.request({ Event: 'RequestSetCallInfo', ConnID: call.ConnID, CustomerID: 'c' }, 'EventCallInfoChanged')).time).toBeDefined();
    expect(await after(onDn, 0, 'EventCallInfoChanged')).not.toHaveProperty('time');
  });

  it('private-info-copy-no-private-event: the requester copy has PrivateEvent, the device clients copy none', async () => {
    const h = await pairWith('private-info-copy-no-private-event');
    const requester = await client(h.primary);
    const onDn = await client(h.primary, '7001');
    expect(await requester.request({ Event: 'RequestPrivateService', PrivateEvent: 4, ThisDN: '7001' }, 'EventPrivateInfo')).toMatchObject({ PrivateEvent: 4 });
    expect(await after(onDn, 0, 'EventPrivateInfo')).not.toHaveProperty('PrivateEvent');
  });

  it('user-event-second-receiver-no-this-dn: of two receivers, one gets ThisDN and one does not', async () => {
    const got = await userEventsOn('user-event-second-receiver-no-this-dn', ['primary', 'primary']);
    expect(got.map((m) => m.ThisDN ?? null).sort()).toEqual(['7001', null].sort());
  });
});

describe('unknown resources (strict-resources mode)', () => {
  it('reserved-unknown-agent: an agent the switch does not have is reported reserved', async () => {
    const h = await pairWith('reserved-unknown-agent', STRICT);
    const c = await client(h.primary);
    expect(await c.request({ Event: 'RequestReserveAgent', AgentID: '9999', ThisDN: '5101' }, 'EventAgentReserved')).toMatchObject({ Event: 'EventAgentReserved', AgentID: '9999' });
  });

  it('call-info-unknown-call: a call that does not exist is reported changed, and still does not exist', async () => {
    const h = await pairWith('call-info-unknown-call', STRICT);
    const c = await client(h.primary);
    const connId = '00000000deadbeef';
    expect(await c.request({ Event: 'RequestSetCallInfo', ConnID: connId, CustomerID: 'x' }, 'EventCallInfoChanged')).toMatchObject({ Event: 'EventCallInfoChanged', ConnID: connId });
    expect((await c.request({ Event: 'RequestQueryCall', ConnID: connId }, 'EventPartyInfo')).Event).toBe('EventError');
  });
});

describe('nested formats, trailing answers, repeated keys', () => {
  it('restore-nested-names-primary: the nested reference names the sender', async () => {
    const h = await pairWith('restore-nested-names-primary');
    const c = await client(h.primary);
    expect((await after(c, 0, 'EventRestoreConnection')).UserData).toEqual([['BackupServer', [['uri', `tcp://127.0.0.1:${h.primary.port}`]]]]);
  });

  it('restore-nested-no-endpoint: the nested reference names no server', async () => {
    const h = await pairWith('restore-nested-no-endpoint');
    const c = await client(h.primary);
    expect((await after(c, 0, 'EventRestoreConnection')).UserData).toEqual([['BackupServer', [['uri', 'tcp://']]]]);
  });

  it('call-info-extra-ack: EventACK with the request ReferenceID follows EventCallInfoChanged', async () => {
    const h = await pairWith('call-info-extra-ack');
    const c = await client(h.primary);
    const id = c.send({ Event: 'RequestSetCallInfo', ConnID: '00000000000000c1', CustomerID: 'x' });
    await c.waitFor((m) => m.Event === 'EventACK' && m.ReferenceID === id);
    expect(c.received.filter((m) => m.ReferenceID === id).map((m) => m.Event)).toEqual(['EventCallInfoChanged', 'EventACK']);
  });

  const repeated = [['k', '1'], ['j', 'x'], ['k', '2']] as Array<[string, string]>;
  for (const [mutant, expected] of [
    [undefined, repeated],
    ['user-event-merges-repeated-keys', [['k', '2'], ['j', 'x']]],
  ] as const) {
    it(`${mutant ?? 'the clean server'}: the initiator's UserData [k 1, j x, k 2] arrives as ${JSON.stringify(expected)}`, async () => {
      handle = await startVendorPair({ controlPort: -1, ...(mutant ? { mutant } : {}) });
      const sender = await client(handle.primary);
      const r = await client(handle.primary, '7001');
      await sender.request({ Event: 'RequestDistributeUserEvent', ThisDN: '7001', UserData: repeated }, 'EventACK');
      expect((await after(r, 0, 'EventUserEvent')).UserData).toEqual(expected);
    });
  }
});

describe('application view (the bridge)', () => {
  beforeAll(() => requireBuiltCli());
  const address = (e: { host: string; port: number }) => `${e.host}:${e.port}`;

  async function app(mutant: string): Promise<{ h: VendorHandle; s: BridgeSession }> {
    handle = await startVendorPair({ controlPort: -1 });
    const s = new BridgeSession('app', address(handle.primary), address(handle.backup), ['--mutant', mutant]);
    sessions.push(s);
    s.send({ Event: 'RequestRegisterClient', ApplicationName: 'app', ReferenceID: 1 });
    await s.waitFor((m) => m.Event === 'EventServerConnected');
    return { h: handle, s };
  }

  it('restore-role-1-delivered-to-app: ServerRole 1 reaches the application at a switchover', async () => {
    const { h, s } = await app('restore-role-1-delivered-to-app');
    await switchover(h.pair);
    expect(await s.waitFor((m) => m.Event === 'EventRestoreConnection')).toMatchObject({ ServerRole: 1 });
    expect(s.received.filter((m: Message) => m.Event === 'EventRestoreConnection' && m.ServerRole === 0)).toEqual([]);
  });

  it('restore-delivered-to-app-late: ServerRole 0 reaches the application, 250 ms or more after the session opened', async () => {
    const { s } = await app('restore-delivered-to-app-late');
    expect(await s.waitFor((m) => m.Event === 'EventRestoreConnection')).toMatchObject({ ServerRole: 0 });
  });
});

describe('the blind-spot mutants', () => {
  it('are all exercised by this file', async () => {
    const source = (await import('node:fs')).readFileSync(new URL(import.meta.url), 'utf8');
    const untested = MUTANTS.filter((m) => m.kind !== undefined && !source.includes(`'${m.id}'`)).map((m) => m.id);
    expect(untested).toEqual([]);
  });
});
