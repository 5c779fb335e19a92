import { describe, expect, it } from 'vitest';
import { SIM_ERROR } from '../../src/sim/index.js';
import { useSim } from './fixture.js';
import { barrier, heard, registerDn, request } from './wire-client.js';

const f = useSim();

describe('TReserveAgent', () => {
  it('sends EventAgentReserved echoing the parameters, Timeout in ms, to the requester and the agent DN clients only', async () => {
    await f.start({ pair: false });
    const { requester, onDn, bystander } = await f.trio('7001', '7002');
    const reserved = await request(requester, {
      Event: 'RequestReserveAgent',
      ThisDN: '7001',
      AgentID: 'agent-1',
      Place: 'Place_1',
      Timeout: 15000,
      Reasons: [['why', 'test']],
    });
    expect(reserved).toMatchObject({ Event: 'EventAgentReserved', ThisDN: '7001', AgentID: 'agent-1', Place: 'Place_1', Timeout: 15000, Reasons: [['why', 'test']] });
    const seen = await onDn.waitFor((m) => m.Event === 'EventAgentReserved');
    expect(seen).toMatchObject({ ThisDN: '7001', AgentID: 'agent-1', Place: 'Place_1', Timeout: 15000 });
    expect(seen.time).toBeDefined();
    await Promise.all([barrier(bystander), barrier(requester)]);
    expect(bystander.messages.some((m) => m.Event === 'EventAgentReserved')).toBe(false);
    expect(requester.messages.filter((m) => m.Event === 'EventAgentReserved')).toHaveLength(1);
  });

  it('confirms only the parameters present', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    const reserved = await request(c, { Event: 'RequestReserveAgent', Place: 'Place_9' });
    expect(reserved).toMatchObject({ Event: 'EventAgentReserved', Place: 'Place_9' });
    expect('AgentID' in reserved || 'ThisDN' in reserved).toBe(false);
  });

  it('refuses a reservation naming none of AgentID, Place, ThisDN', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    const err = await request(c, { Event: 'RequestReserveAgent', Timeout: 1000 });
    expect(err).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.MISSING_ATTRIBUTE.code });
    expect(err.ErrorMessage).toMatch(/AgentID, Place, ThisDN/);
  });

  it('refuses an agent the switch does not have (unknownAgents), nothing reported reserved to the DN clients', async () => {
    await f.start({ pair: false, unknownAgents: ['ghost'] });
    const c = await f.client();
    const onDn = await f.client();
    await registerDn(onDn, '7001');
    expect(await request(c, { Event: 'RequestReserveAgent', AgentID: 'ghost', ThisDN: '7001' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.UNKNOWN_AGENT.code });
    await barrier(onDn);
    expect(onDn.messages.filter((m) => m.Event === 'EventAgentReserved')).toEqual([]);
    expect(await request(c, { Event: 'RequestReserveAgent', AgentID: 'agent-1', ThisDN: '7001' })).toMatchObject({ Event: 'EventAgentReserved', AgentID: 'agent-1' });
  });
});

describe('TSetCallInfo and TQueryCall', () => {
  it('sends EventCallInfoChanged with ConnID to the requester and to clients on the call DN; TQueryCall sees the change', async () => {
    const sim = await f.start({ pair: false });
    const connId = sim.ctl.addCall({ ThisDN: '7001' });
    const { requester, onDn, bystander } = await f.trio('7001', '7002');
    const changed = await request(requester, { Event: 'RequestSetCallInfo', ConnID: connId, CustomerID: 'cust-7', UserData: [['k', 'v']] });
    expect(changed).toMatchObject({ Event: 'EventCallInfoChanged', ConnID: connId, CustomerID: 'cust-7' });
    expect(await onDn.waitFor((m) => m.Event === 'EventCallInfoChanged')).toMatchObject({ ConnID: connId, CustomerID: 'cust-7' });
    const party = await request(requester, { Event: 'RequestQueryCall', ConnID: connId });
    expect(party).toMatchObject({ Event: 'EventPartyInfo', ConnID: connId, ThisDN: '7001', CustomerID: 'cust-7', UserData: [['k', 'v']] });
    expect(await heard(bystander, 'EventCallInfoChanged')).toBe(false);
  });

  it('refuses an unknown call: EventError to TSetCallInfo (no call information changed) and to TQueryCall', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    expect(await request(c, { Event: 'RequestSetCallInfo', ConnID: '00000000000000ff' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.UNKNOWN_CALL.code });
    expect(await request(c, { Event: 'RequestQueryCall', ConnID: '00000000000000ff' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.UNKNOWN_CALL.code });
    expect(await request(c, { Event: 'RequestSetCallInfo' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.MISSING_ATTRIBUTE.code });
  });
});

describe('TQueryLocation and TQueryAddress', () => {
  it('answer with EventLocationInfo and EventAddressInfo carrying ReferenceID and time', async () => {
    await f.start({ pair: false });
    const c = await f.client();
    const loc = await request(c, { Event: 'RequestQueryLocation' });
    expect(loc.Event).toBe('EventLocationInfo');
    expect(loc.time).toBeDefined();
    expect(await request(c, { Event: 'RequestQueryAddress', ThisDN: '7001' })).toMatchObject({ Event: 'EventAddressInfo', ThisDN: '7001', AddressType: 1 });
    expect(await request(c, { Event: 'RequestQueryAddress' })).toMatchObject({ Event: 'EventError', ErrorCode: SIM_ERROR.MISSING_ATTRIBUTE.code });
  });
});
