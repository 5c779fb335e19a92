import { describe, expect, it } from 'vitest';
import { encode } from '../../src/index.js';
import { SERVER_NAMES, SIM_ERROR } from '../../src/sim/index.js';
import { useSim } from './fixture.js';
import { registerDn, request, barrier } from './wire-client.js';

const f = useSim();

describe('client registration', () => {
  it('answers RequestRegisterClient with EventServerConnected: ReferenceID, ServerRole, the server name, time', async () => {
    await f.start({ pair: false });
    const c = await f.raw();
    const answer = await request(c, { Event: 'RequestRegisterClient', ApplicationName: 'app' });
    expect(answer).toMatchObject({ Event: 'EventServerConnected', ServerRole: 0, ApplicationName: SERVER_NAMES.a });
    expect(answer.time?.seconds).toBeGreaterThan(1_600_000_000);
  });

  it('the backup reports ServerRole 1', async () => {
    const sim = await f.start();
    const c = await f.raw(sim.backup!.port);
    const answer = await request(c, { Event: 'RequestRegisterClient', ApplicationName: 'app' });
    expect(answer).toMatchObject({ Event: 'EventServerConnected', ServerRole: 1, ApplicationName: SERVER_NAMES.b });
  });

  it('refuses a wrong or missing password with EventError and accepts the right one', async () => {
    await f.start({ pair: false, password: 's3cret' });
    const c = await f.raw();
    const wrong = await request(c, { Event: 'RequestRegisterClient', ApplicationName: 'app', ApplicationPassword: 'nope' });
    expect(wrong).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.BAD_PASSWORD.code });
    expect(wrong.ErrorMessage).toMatch(/password/i);
    const missing = await request(c, { Event: 'RequestRegisterClient', ApplicationName: 'app' });
    expect(missing.Event).toBe('EventError');
    const right = await request(c, { Event: 'RequestRegisterClient', ApplicationName: 'app', ApplicationPassword: 's3cret' });
    expect(right.Event).toBe('EventServerConnected');
  });

  it('answers requests before registration with EventError', async () => {
    await f.start({ pair: false });
    const c = await f.raw();
    const answer = await request(c, { Event: 'RequestQueryLocation' });
    expect(answer).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.NOT_REGISTERED.code });
  });
});

describe('DN registration', () => {
  it('EventRegistered / EventUnregistered echo ThisDN and ReferenceID; unregistering twice is an error', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    expect(await request(c, { Event: 'RequestRegisterAddress', ThisDN: '7001', RegisterMode: 0 })).toMatchObject({ Event: 'EventRegistered', ThisDN: '7001' });
    expect(await request(c, { Event: 'RequestUnregisterAddress', ThisDN: '7001' })).toMatchObject({ Event: 'EventUnregistered', ThisDN: '7001' });
    expect(await request(c, { Event: 'RequestUnregisterAddress', ThisDN: '7001' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.DN_NOT_REGISTERED.code });
  });

  it('refuses a RegisterMode outside TRegisterMode and a missing ThisDN', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    expect(await request(c, { Event: 'RequestRegisterAddress', ThisDN: '7001', RegisterMode: 9 })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.INVALID_ATTRIBUTE.code });
    const missing = await request(c, { Event: 'RequestRegisterAddress' });
    expect(missing).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.MISSING_ATTRIBUTE.code });
    expect(missing.ErrorMessage).toContain('ThisDN');
  });

  it('stops delivering to a DN after unregistration', async () => {
    await f.start({ pair: false });
    const listener = await f.client();
    const sender = await f.client();
    await registerDn(listener, '7001');
    await request(listener, { Event: 'RequestUnregisterAddress', ThisDN: '7001' });
    await request(sender, { Event: 'RequestDistributeUserEvent', ThisDN: '7001' });
    await barrier(listener);
    expect(listener.messages.filter((m) => m.Event === 'EventUserEvent')).toEqual([]);
  });
});

describe('unserved input', () => {
  it('answers an unknown message type with EventError and keeps the connection', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    c.sendRaw(encode({ Event: 'Unknown', MessageType: 175, ReferenceID: 77 }));
    const err = await c.waitFor((m) => m.Event === 'EventError' && m.ReferenceID === 77);
    expect(err.ErrorCode).toBe(SIM_ERROR.UNKNOWN_MESSAGE_TYPE.code);
    expect(await request(c, { Event: 'RequestQueryLocation' })).toMatchObject({ Event: 'EventLocationInfo' });
  });

  it('answers an event sent by a client, and a request it does not serve, with EventError and a reason', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    const ev = await request(c, { Event: 'EventACK' });
    expect(ev).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.NOT_A_REQUEST.code });
    const lost = await request(c, { Event: 'RequestLostBackupConnection' });
    expect(lost).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.UNSUPPORTED_REQUEST.code });
    expect(lost.ErrorMessage).toContain('RequestLostBackupConnection');
  });
});
