/**
 * Strict-resources mode: only the configured DNs, agents, places and calls
 * exist; everything else is refused with EventError naming what was wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendorPair, type VendorHandle } from './start.js';
import { WireClient } from './wire-client.js';
import { ERROR } from './errors.js';
import { optionsFromArgs } from './args.js';
import { expandList } from './options.js';

const CALL = '00000000000a7001';
let h: VendorHandle;
let c: WireClient;

beforeAll(async () => {
  h = await startVendorPair({
    controlPort: -1,
    resources: { dns: expandList('7001-7010'), agents: ['agent-1'], places: ['place-1'], calls: [{ ConnID: CALL, ThisDN: '7001', CustomerID: 'known' }] },
  });
  c = await WireClient.registered(h.primary);
});
afterAll(async () => {
  c.close();
  await h.close();
});

describe('strict resources', () => {
  it('serves the configured DNs and refuses any other, on every request naming a DN', async () => {
    await c.register('7010');
    const refusals = [
      { Event: 'RequestRegisterAddress', ThisDN: '7011' },
      { Event: 'RequestUnregisterAddress', ThisDN: '6999' },
      { Event: 'RequestQueryAddress', ThisDN: 'dn-x' },
      { Event: 'RequestDistributeUserEvent', ThisDN: '7011' },
      { Event: 'RequestDistributeEvent', ThisDN: '7011' },
      { Event: 'RequestPrivateService', PrivateEvent: 1, ThisDN: '7011' },
      { Event: 'RequestTransactionMonitoring', SubscriptionOperation: 1, ThisDN: '7011' },
      { Event: 'RequestReserveAgent', AgentID: 'agent-1', ThisDN: '7011' },
    ];
    for (const request of refusals) {
      const answer = await c.request(request as never, 'none');
      expect(answer, request.Event).toMatchObject({ Event: 'EventError', ErrorCode: ERROR.dnNotServed, ErrorMessage: expect.stringContaining('is not served') });
    }
  });

  it('refuses unknown agents and places, accepts configured ones', async () => {
    expect(await c.request({ Event: 'RequestReserveAgent', AgentID: 'agent-2' }, 'EventAgentReserved')).toMatchObject({ ErrorCode: ERROR.agentNotServed });
    expect(await c.request({ Event: 'RequestReserveAgent', Place: 'place-2' }, 'EventAgentReserved')).toMatchObject({ ErrorCode: ERROR.placeNotServed });
    expect(await c.request({ Event: 'RequestReserveAgent', AgentID: 'agent-1', Place: 'place-1', ThisDN: '7002' }, 'EventAgentReserved')).toMatchObject({ Event: 'EventAgentReserved', AgentID: 'agent-1' });
  });

  it('changes the pre-existing call and refuses calls it does not know', async () => {
    expect(await c.request({ Event: 'RequestQueryCall', ConnID: CALL }, 'EventPartyInfo')).toMatchObject({ ThisDN: '7001', CustomerID: 'known' });
    expect(await c.request({ Event: 'RequestSetCallInfo', ConnID: CALL, CustomerID: 'changed' }, 'EventCallInfoChanged')).toMatchObject({ ConnID: CALL, CustomerID: 'changed' });
    expect(await c.request({ Event: 'RequestSetCallInfo', ConnID: '00000000000000ab', CustomerID: 'x' }, 'EventCallInfoChanged')).toMatchObject({ ErrorCode: ERROR.unknownCall });
  });

  it('refuses SubscriptionStop of a subscription it never started', async () => {
    expect(await c.request({ Event: 'RequestTransactionMonitoring', SubscriptionOperation: 2, SubscriptionID: 'nope' }, 'EventACK')).toMatchObject({ ErrorCode: ERROR.unknownSubscription });
  });
});

describe('command-line flags', () => {
  it('build the same options object, with clear errors', () => {
    const options = optionsFromArgs(['--dns', '7001-7003,7100', '--agents', 'a1', '--call', '00000000000A7001@7001:cust', '--primary-port', '0', '--quiet']);
    expect(options).toMatchObject({ primaryPort: 0, resources: { dns: ['7001', '7002', '7003', '7100'], agents: ['a1'], places: [], calls: [{ ConnID: '00000000000a7001', ThisDN: '7001', CustomerID: 'cust' }] } });
    expect(() => optionsFromArgs(['--call', 'abc@7001'])).toThrow(/16 hex digits/);
    expect(() => optionsFromArgs(['--primary-port', 'x'])).toThrow(/must be an integer/);
    expect(() => expandList('7010-7001')).toThrow(/upwards/);
    expect(optionsFromArgs(['--mutants'])).toBe('mutants');
    expect(optionsFromArgs(['--control-port', 'none', '--quiet'])).toMatchObject({ controlPort: -1 });
    expect(optionsFromArgs(['--control-port=-1', '--quiet'])).toMatchObject({ controlPort: -1 });
  });

  it('refuse an unknown mutant at start', async () => {
    await expect(startVendorPair({ mutant: 'no-such-mutant' })).rejects.toThrow(/unknown mutant/);
  });
});
