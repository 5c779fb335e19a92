import { describe, expect, it } from 'vitest';
import { SUBSCRIPTION_OPERATION } from '../../src/index.js';
import { SIM_ERROR } from '../../src/sim/index.js';
import { useSim } from './fixture.js';
import { barrier, heard, registerDn, request } from './wire-client.js';

const f = useSim();
const { SubscriptionStart, SubscriptionStop, SubscriptionModify } = SUBSCRIPTION_OPERATION;

describe('TSendUserEvent (RequestDistributeUserEvent)', () => {
  it('acknowledges the sender (ReferenceID, UserEvent 48) and delivers EventUserEvent to every client on ThisDN', async () => {
    await f.start({ pair: false });
    const sender = await f.client();
    const on1 = await f.client();
    const on2 = await f.client();
    const elsewhere = await f.client();
    await registerDn(on1, '7001');
    await registerDn(on2, '7001');
    await registerDn(elsewhere, '7002');
    const ack = await request(sender, {
      Event: 'RequestDistributeUserEvent',
      ThisDN: '7001',
      CustomerID: 'cust-1',
      UserData: [['k', 'v'], ['n', 5]],
      Extensions: [['x', 'y']],
    });
    expect(ack).toMatchObject({ Event: 'EventACK', UserEvent: 48 });
    for (const c of [on1, on2]) {
      const ue = await c.waitFor((m) => m.Event === 'EventUserEvent');
      expect(ue).toMatchObject({ ThisDN: '7001', CustomerID: 'cust-1', UserData: [['k', 'v'], ['n', 5]], Extensions: [['x', 'y']] });
      expect(ue.time).toBeDefined();
      expect(ue.ReferenceID).toBeUndefined();
    }
    await Promise.all([barrier(elsewhere), barrier(sender)]);
    expect(elsewhere.messages.some((m) => m.Event === 'EventUserEvent')).toBe(false);
    expect(sender.messages.some((m) => m.Event === 'EventUserEvent')).toBe(false);
  });

  it('refuses a user event without ThisDN', async () => {
    await f.start({ pair: false });
    const sender = await f.client();
    expect(await request(sender, { Event: 'RequestDistributeUserEvent' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.MISSING_ATTRIBUTE.code });
  });
});

describe('TSendEvent and TSetInputMask', () => {
  it('acknowledge with UserEvent 49 and 7', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    expect(await request(c, { Event: 'RequestDistributeEvent', ThisDN: '7001' })).toMatchObject({ Event: 'EventACK', UserEvent: 49 });
    expect(await request(c, { Event: 'RequestSetInputMask', InputMask: new Uint8Array(64) })).toMatchObject({ Event: 'EventACK', UserEvent: 7 });
  });

  it('refuses an acknowledged request without ReferenceID, since EventACK must carry it', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    c.send({ Event: 'RequestSetInputMask' });
    const err = await c.waitFor((m) => m.Event === 'EventError');
    expect(err.ErrorMessage).toContain('ReferenceID');
  });
});

describe('TTransactionMonitoring', () => {
  it('gives a SubscriptionID on start only, none on modify and stop, and distinct ids per start', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    const start = await request(c, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: SubscriptionStart });
    expect(start).toMatchObject({ Event: 'EventACK', UserEvent: 180 });
    expect(typeof start.SubscriptionID).toBe('string');
    const again = await request(c, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: SubscriptionStart });
    expect(again.SubscriptionID).not.toBe(start.SubscriptionID);
    const modify = await request(c, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: SubscriptionModify, SubscriptionID: start.SubscriptionID });
    expect(modify.Event).toBe('EventACK');
    expect('SubscriptionID' in modify).toBe(false);
    const stop = await request(c, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: SubscriptionStop, SubscriptionID: start.SubscriptionID });
    expect(stop.Event).toBe('EventACK');
    expect('SubscriptionID' in stop).toBe(false);
  });

  it('refuses stop of an unknown subscription, a missing operation and an unknown one', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    expect(await request(c, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: SubscriptionStop, SubscriptionID: 'nope' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.UNKNOWN_SUBSCRIPTION.code });
    expect(await request(c, { Event: 'RequestTransactionMonitoring' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.MISSING_ATTRIBUTE.code });
    expect(await request(c, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: 42 })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.INVALID_ATTRIBUTE.code });
  });
});

describe('TPrivateService', () => {
  it('sends EventACK then EventPrivateInfo to the requester, EventPrivateInfo to clients on ThisDN, and to no one else', async () => {
    await f.start({ pair: false });
    const { requester, onDn: onDevice, bystander } = await f.trio('7001', '7002');
    const from = requester.messages.length;
    const ack = await request(requester, { Event: 'RequestPrivateService', PrivateEvent: 4001, ThisDN: '7001', ConnID: '00000000000000aa', UserData: [['a', 'b']] });
    expect(ack).toMatchObject({ Event: 'EventACK', UserEvent: 149 });
    const info = await requester.waitFor((m) => m.Event === 'EventPrivateInfo');
    expect(info).toMatchObject({ PrivateEvent: 4001, ReferenceID: ack.ReferenceID, ThisDN: '7001', ConnID: '00000000000000aa', UserData: [['a', 'b']] });
    expect(requester.messages.slice(from).map((m) => m.Event)).toEqual(['EventACK', 'EventPrivateInfo']);
    const notified = await onDevice.waitFor((m) => m.Event === 'EventPrivateInfo');
    expect(notified).toMatchObject({ PrivateEvent: 4001, ThisDN: '7001' });
    expect(notified.time).toBeDefined();
    expect(await heard(bystander, 'EventPrivateInfo')).toBe(false);
  });

  it('refuses a private service without PrivateEvent', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    expect(await request(c, { Event: 'RequestPrivateService', ThisDN: '7001' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.MISSING_ATTRIBUTE.code });
  });
});
