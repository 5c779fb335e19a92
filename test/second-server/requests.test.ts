/**
 * The vendor pair's own behaviours, request by request, on the raw wire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../src/index.js';
import { startVendorPair, type VendorHandle } from './start.js';
import { WireClient, pause } from './wire-client.js';
import { ERROR } from './errors.js';

let pair: VendorHandle;
const clients: WireClient[] = [];
let dnCounter = 0;
const dn = () => `dn-${++dnCounter}`;

async function client(name = 'app'): Promise<WireClient> {
  const c = await WireClient.registered(pair.primary, name);
  clients.push(c);
  return c;
}

/** A requester, a client registered on a fresh DN `d`, and a bystander on another. */
async function trio(): Promise<{ d: string; requester: WireClient; onDn: WireClient; bystander: WireClient }> {
  const d = dn();
  const [requester, onDn, bystander] = [await client(), await client(), await client()];
  await onDn.register(d);
  await bystander.register(dn());
  return { d, requester, onDn, bystander };
}

beforeAll(async () => {
  pair = await startVendorPair({ controlPort: -1 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await pair.close();
});

describe('registration', () => {
  it('answers RequestRegisterClient with EventServerConnected carrying its ReferenceID and the server role', async () => {
    const primary = await WireClient.open(pair.primary);
    const backup = await WireClient.open(pair.backup);
    clients.push(primary, backup);
    const a = await primary.request({ Event: 'RequestRegisterClient', ApplicationName: 'x', ReferenceID: 77 }, 'EventServerConnected');
    const b = await backup.request({ Event: 'RequestRegisterClient', ApplicationName: 'y', ReferenceID: 78 }, 'EventServerConnected');
    expect(a).toMatchObject({ Event: 'EventServerConnected', ReferenceID: 77, ServerRole: 0, ApplicationName: 'vendor-tserver-one' });
    expect(b).toMatchObject({ Event: 'EventServerConnected', ReferenceID: 78, ServerRole: 1, ApplicationName: 'vendor-tserver-two' });
  });

  it('sends EventRestoreConnection ServerRole 0 naming the backup from the primary only, later and in its own write', async () => {
    const c = await client();
    const restore = await c.waitFor((m) => m.Event === 'EventRestoreConnection');
    expect(restore).toEqual({ Event: 'EventRestoreConnection', ServerRole: 0, UserData: [['BackupServer', `127.0.0.1:${pair.backup.port}`], ['BackupApplication', 'vendor-tserver-two']] });
    expect(c.reads).toBe(2);
    const b = await WireClient.registered(pair.backup);
    clients.push(b);
    await pause(60);
    expect(b.of('EventRestoreConnection')).toEqual([]);
  });

  it('refuses requests before RequestRegisterClient, and a wrong password', async () => {
    const raw = await WireClient.open(pair.primary);
    clients.push(raw);
    const answer = await raw.request({ Event: 'RequestRegisterAddress', ThisDN: dn() }, 'EventRegistered');
    expect(answer).toMatchObject({ Event: 'EventError', ErrorCode: ERROR.notRegistered });
    const guarded = await startVendorPair({ controlPort: -1, password: 's3cret' });
    try {
      const c = await WireClient.open(guarded.primary);
      const refused = await c.request({ Event: 'RequestRegisterClient', ApplicationName: 'x', ApplicationPassword: 'nope' }, 'EventServerConnected');
      const accepted = await c.request({ Event: 'RequestRegisterClient', ApplicationName: 'x', ApplicationPassword: 's3cret' }, 'EventServerConnected');
      c.close();
      expect(refused).toMatchObject({ Event: 'EventError', ErrorCode: ERROR.badPassword });
      expect(accepted.Event).toBe('EventServerConnected');
    } finally {
      await guarded.close();
    }
  });

  it('registers, re-registers and unregisters DNs; a bad RegisterMode is refused', async () => {
    const c = await client();
    const d = dn();
    expect(await c.request({ Event: 'RequestRegisterAddress', ThisDN: d, RegisterMode: 0 }, 'EventRegistered')).toMatchObject({ ThisDN: d });
    expect(await c.request({ Event: 'RequestRegisterAddress', ThisDN: d }, 'EventRegistered')).toMatchObject({ Event: 'EventRegistered' });
    expect(await c.request({ Event: 'RequestUnregisterAddress', ThisDN: d }, 'EventUnregistered')).toMatchObject({ Event: 'EventUnregistered', ThisDN: d });
    expect(await c.request({ Event: 'RequestRegisterAddress', ThisDN: d, RegisterMode: 9 }, 'EventRegistered')).toMatchObject({ Event: 'EventError', ErrorCode: ERROR.badValue });
  });

  it('answers an undecodable frame with EventError and keeps the connection', async () => {
    const c = await client();
    c.sendRaw(Uint8Array.from([0, 0, 0, 2, 0x8a, 0x81]));
    await c.waitFor((m) => m.Event === 'EventError' && m.ErrorCode === ERROR.undecodableFrame);
    expect((await c.request({ Event: 'RequestQueryLocation' }, 'EventLocationInfo')).Event).toBe('EventLocationInfo');
  });

  it('refuses events sent by a client and unknown message types, with a reason', async () => {
    const c = await client();
    expect(await c.request({ Event: 'EventACK' }, 'x')).toMatchObject({ ErrorCode: ERROR.notARequest });
    expect(await c.request({ Event: 'Unknown', MessageType: 170 } as never, 'x')).toMatchObject({ ErrorCode: ERROR.unsupportedRequest });
  });
});

describe('EventACK', () => {
  it('acknowledges each of the six requests with its ReferenceID and time; UserEvent only on the two distribution requests', async () => {
    const c = await client();
    const d = dn();
    const cases = [
      [{ Event: 'RequestDistributeUserEvent', ThisDN: d, UserData: [['k', 'v']] }, 48],
      [{ Event: 'RequestDistributeEvent', ThisDN: d }, 49],
      [{ Event: 'RequestDistributeEvent', ThisDN: d, Extensions: [['ex', 1]] }, 49],
      [{ Event: 'RequestSetInputMask', InputMask: new Uint8Array(64) }, undefined],
      [{ Event: 'RequestTransactionMonitoring', SubscriptionOperation: 1 }, undefined],
      [{ Event: 'RequestPrivateService', PrivateEvent: 3 }, undefined],
    ] as const;
    for (const [request, userEvent] of cases) {
      const ack = await c.request(request as never, 'EventACK');
      expect(ack.Event, request.Event).toBe('EventACK');
      expect(typeof ack.ReferenceID).toBe('number');
      expect(ack.time?.seconds).toBeGreaterThan(1_600_000_000);
      expect(ack.UserEvent).toBe(userEvent);
    }
  });

  it('echoes Extensions of TSendEventEx()', async () => {
    const c = await client();
    const ack = await c.request({ Event: 'RequestDistributeEvent', ThisDN: dn(), Extensions: [['ex', 'yes']] }, 'EventACK');
    expect(ack.Extensions).toEqual([['ex', 'yes']]);
  });

  it('acknowledges a request without ReferenceID with ReferenceID 0', async () => {
    const c = await client();
    const from = c.received.length;
    c.sendRaw(encode({ Event: 'RequestSetInputMask', InputMask: new Uint8Array(64) }));
    expect(await c.waitFor((m) => m.Event === 'EventACK', from)).toMatchObject({ ReferenceID: 0 });
  });

  it('gives SubscriptionID on SubscriptionStart only', async () => {
    const c = await client();
    const start = await c.request({ Event: 'RequestTransactionMonitoring', SubscriptionOperation: 1 }, 'EventACK');
    expect(start.SubscriptionID).toMatch(/^TM:one:/);
    const modify = await c.request({ Event: 'RequestTransactionMonitoring', SubscriptionOperation: 3, SubscriptionID: start.SubscriptionID! }, 'EventACK');
    const stop = await c.request({ Event: 'RequestTransactionMonitoring', SubscriptionOperation: 2, SubscriptionID: start.SubscriptionID! }, 'EventACK');
    expect(modify).toMatchObject({ Event: 'EventACK' });
    expect(modify).not.toHaveProperty('SubscriptionID');
    expect(stop).toMatchObject({ Event: 'EventACK' });
    expect(stop).not.toHaveProperty('SubscriptionID');
    expect(await c.request({ Event: 'RequestTransactionMonitoring', SubscriptionOperation: 7 }, 'EventACK')).toMatchObject({ ErrorCode: ERROR.badValue });
  });
});

describe('EventUserEvent', () => {
  it('reaches the other clients registered on ThisDN with the initiator attributes, not the sender nor a bystander', async () => {
    const d = dn();
    const [sender, receiver, bystander] = [await client('s'), await client('r'), await client('b')];
    await sender.register(d);
    await receiver.register(d);
    await bystander.register(dn());
    const id = sender.send({ Event: 'RequestDistributeUserEvent', ThisDN: d, UserData: [['greeting', 'hello']], CustomerID: 'cust' });
    const event = await receiver.waitFor((m) => m.Event === 'EventUserEvent');
    expect(event).toMatchObject({ ThisDN: d, UserData: [['greeting', 'hello']], CustomerID: 'cust', ReferenceID: id });
    expect(event.time).toBeDefined();
    await sender.waitFor((m) => m.Event === 'EventACK' && m.ReferenceID === id);
    await pause(50);
    expect(sender.of('EventUserEvent')).toEqual([]);
    expect(bystander.of('EventUserEvent')).toEqual([]);
  });

  it('needs ThisDN', async () => {
    const c = await client();
    expect(await c.request({ Event: 'RequestDistributeUserEvent' }, 'EventACK')).toMatchObject({ ErrorCode: ERROR.missingAttribute });
  });
});

describe('EventPrivateInfo', () => {
  it('goes to the requester before its EventACK, and to clients registered on the device only', async () => {
    const { d, requester, onDn: onDevice, bystander } = await trio();
    const id = requester.send({ Event: 'RequestPrivateService', PrivateEvent: 4711, ThisDN: d, UserData: [['a', 1]] });
    await requester.waitFor((m) => m.Event === 'EventACK' && m.ReferenceID === id);
    const own = requester.received.filter((m) => m.ReferenceID === id).map((m) => m.Event);
    expect(own).toEqual(['EventPrivateInfo', 'EventACK']);
    const copy = await onDevice.waitFor((m) => m.Event === 'EventPrivateInfo');
    expect(copy).toMatchObject({ PrivateEvent: 4711, ThisDN: d, UserData: [['a', 1]], ReferenceID: id });
    await pause(50);
    expect(bystander.of('EventPrivateInfo')).toEqual([]);
  });
});

describe('EventAgentReserved', () => {
  it('echoes only the parameters present, grants at most maxReserveMs, reaches requester and DN clients only', async () => {
    const { d, requester, onDn, bystander } = await trio();
    const full = await requester.request({ Event: 'RequestReserveAgent', AgentID: 'ag', Place: 'pl', ThisDN: d, Timeout: 30_000, Reasons: [['r', 1]] }, 'EventAgentReserved');
    expect(full).toMatchObject({ AgentID: 'ag', Place: 'pl', ThisDN: d, Timeout: 20_000 });
    expect(full).not.toHaveProperty('Reasons');
    const small = await requester.request({ Event: 'RequestReserveAgent', AgentID: 'ag', Timeout: 1500 }, 'EventAgentReserved');
    expect(small).toMatchObject({ AgentID: 'ag', Timeout: 1500 });
    expect(small).not.toHaveProperty('Place');
    expect(small).not.toHaveProperty('ThisDN');
    const none = await requester.request({ Event: 'RequestReserveAgent', Place: 'pl' }, 'EventAgentReserved');
    expect(none.Timeout).toBe(5000);
    await onDn.waitFor((m) => m.Event === 'EventAgentReserved');
    await pause(50);
    expect(onDn.of('EventAgentReserved')).toHaveLength(1);
    expect(bystander.of('EventAgentReserved')).toEqual([]);
    expect(await requester.request({ Event: 'RequestReserveAgent', Timeout: 10 }, 'EventAgentReserved')).toMatchObject({ ErrorCode: ERROR.missingAttribute });
  });
});

describe('EventCallInfoChanged and queries', () => {
  it('carries the changed call ConnID; the call is then known to TQueryCall()', async () => {
    const c = await client();
    const changed = await c.request({ Event: 'RequestSetCallInfo', ConnID: '00000000000000ab', CustomerID: 'c1' }, 'EventCallInfoChanged');
    expect(changed).toMatchObject({ Event: 'EventCallInfoChanged', ConnID: '00000000000000ab', CustomerID: 'c1' });
    expect(await c.request({ Event: 'RequestQueryCall', ConnID: '00000000000000ab' }, 'EventPartyInfo')).toMatchObject({ ConnID: '00000000000000ab', CustomerID: 'c1' });
    expect(await c.request({ Event: 'RequestQueryCall', ConnID: '00000000000000ac' }, 'EventPartyInfo')).toMatchObject({ ErrorCode: ERROR.unknownCall });
  });

  it('answers TQueryAddress() and TQueryLocation(), on the backup too; the backup refuses the rest', async () => {
    const b = await WireClient.registered(pair.backup);
    clients.push(b);
    expect(await b.request({ Event: 'RequestQueryAddress', ThisDN: 'x' }, 'EventAddressInfo')).toMatchObject({ ThisDN: 'x', AddressType: 1 });
    expect(await b.request({ Event: 'RequestQueryLocation' }, 'EventLocationInfo')).toMatchObject({ ApplicationName: 'vendor-tserver-two' });
    expect(await b.request({ Event: 'RequestSetInputMask' }, 'EventACK')).toMatchObject({ ErrorCode: ERROR.backupServesQueriesOnly });
  });

  it('never sends the obsolete events', async () => {
    const c = await client();
    const d = dn();
    await c.register(d);
    await c.request({ Event: 'RequestUnregisterAddress', ThisDN: d }, 'EventUnregistered');
    await pause(30);
    expect(c.received.filter((m) => m.Event === 'EventResourceAllocated' || m.Event === 'EventResourceFreed')).toEqual([]);
  });
});
