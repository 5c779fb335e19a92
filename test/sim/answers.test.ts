/** The simulator answers each request with the events src/registry.ts ANSWERS lists for it, under the request's ReferenceID. */
import { describe, expect, it } from 'vitest';
import { ANSWERS, answersTo, type MessageName } from '../../src/registry.js';
import type { Message } from '../../src/index.js';
import { useSim } from './fixture.js';
import { refId } from './wire-client.js';

const f = useSim();

/** A request of each kind the simulator serves, with what it needs. */
const REQUESTS: Record<keyof typeof ANSWERS, (connId: string) => Omit<Message, 'ReferenceID'>> = {
  RequestRegisterClient: () => ({ Event: 'RequestRegisterClient', ApplicationName: 'again' }),
  RequestQueryAddress: () => ({ Event: 'RequestQueryAddress', ThisDN: '7001' }),
  RequestRegisterAddress: () => ({ Event: 'RequestRegisterAddress', ThisDN: '7001', RegisterMode: 0 }),
  RequestUnregisterAddress: () => ({ Event: 'RequestUnregisterAddress', ThisDN: '7001' }),
  RequestSetInputMask: () => ({ Event: 'RequestSetInputMask', InputMask: new Uint8Array(64) }),
  RequestDistributeUserEvent: () => ({ Event: 'RequestDistributeUserEvent', ThisDN: '7001' }),
  RequestDistributeEvent: () => ({ Event: 'RequestDistributeEvent', ThisDN: '7001' }),
  RequestQueryCall: (connId) => ({ Event: 'RequestQueryCall', ConnID: connId }),
  RequestSetCallInfo: (connId) => ({ Event: 'RequestSetCallInfo', ConnID: connId, CustomerID: 'c' }),
  RequestReserveAgent: () => ({ Event: 'RequestReserveAgent', AgentID: 'agent-1' }),
  RequestQueryLocation: () => ({ Event: 'RequestQueryLocation' }),
  RequestPrivateService: () => ({ Event: 'RequestPrivateService', PrivateEvent: 1 }),
  RequestTransactionMonitoring: () => ({ Event: 'RequestTransactionMonitoring', SubscriptionOperation: 1 }),
};

describe('answers', () => {
  it('every request of the registry is answered with its events, and nothing else carries its ReferenceID', async () => {
    const sim = await f.start({ pair: false });
    const connId = sim.ctl.addCall({ ThisDN: '7001' });
    const c = await f.client();
    const wrong: string[] = [];
    for (const [name, build] of Object.entries(REQUESTS)) {
      const ReferenceID = refId();
      c.send({ ...build(connId), ReferenceID } as Message);
      const expected = answersTo(name);
      const last = expected[expected.length - 1]!;
      await c.waitFor((m) => m.ReferenceID === ReferenceID && (m.Event === last || m.Event === 'EventError'));
      const got = c.messages.filter((m) => m.ReferenceID === ReferenceID).map((m) => m.Event as MessageName);
      if (got.join() !== expected.join()) wrong.push(`${name}: ${got.join(', ')} (registry: ${expected.join(', ')})`);
    }
    expect(wrong).toEqual([]);
  });
});
