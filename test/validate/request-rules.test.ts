/** Both sides of every request-dependent rule. */
import { describe, expect, it } from 'vitest';
import type { JsonMessage } from '../../src/codec/json.js';
import { SUBSCRIPTION_OPERATION } from '../../src/registry.js';
import { REQUEST_RULES } from '../../src/validate/request-rules.js';
import { ValidationContextError, validate } from '../../src/validate/index.js';
import { VALID, without } from './examples.js';

const ids = (vs: { rule: string }[]) => vs.map((v) => v.rule);
const ack = (extra: Partial<JsonMessage> = {}): JsonMessage => ({ ...without(VALID.EventACK, 'UserEvent'), ReferenceID: 7, ...extra });
const monitoring = (op: number): JsonMessage => ({ Event: 'RequestTransactionMonitoring', ReferenceID: 7, SubscriptionOperation: op });
const userEvent: JsonMessage = { Event: 'RequestDistributeUserEvent', ReferenceID: 7, ThisDN: '1001' };
const reserve: JsonMessage = { Event: 'RequestReserveAgent', ReferenceID: 3, AgentID: 'agent-1', Place: 'place-1', ThisDN: '1001', Timeout: 30_000 };

interface Case {
  rule: string;
  event: JsonMessage;
  request: JsonMessage;
  breaks: { event: JsonMessage; request: JsonMessage };
}

const CASES: Case[] = [
  { rule: 'EventACK/request/acknowledged', event: ack(), request: userEvent, breaks: { event: ack(), request: { Event: 'RequestQueryCall', ReferenceID: 7 } } },
  { rule: 'EventACK/ReferenceID/echo', event: ack(), request: userEvent, breaks: { event: ack({ ReferenceID: 8 }), request: userEvent } },
  { rule: 'EventACK/UserEvent/echo', event: ack({ UserEvent: 48 }), request: userEvent, breaks: { event: ack({ UserEvent: 49 }), request: userEvent } },
  {
    rule: 'EventACK/SubscriptionID/start',
    event: ack({ SubscriptionID: 'sub-1' }),
    request: monitoring(SUBSCRIPTION_OPERATION.SubscriptionStart),
    breaks: { event: ack(), request: monitoring(SUBSCRIPTION_OPERATION.SubscriptionStart) },
  },
  {
    rule: 'EventACK/SubscriptionID/stop-modify',
    event: ack(),
    request: monitoring(SUBSCRIPTION_OPERATION.SubscriptionStop),
    breaks: { event: ack({ SubscriptionID: 'sub-1' }), request: monitoring(SUBSCRIPTION_OPERATION.SubscriptionModify) },
  },
  {
    rule: 'EventACK/SubscriptionID/transaction-monitoring-only',
    event: ack(),
    request: userEvent,
    breaks: { event: ack({ SubscriptionID: 'sub-1' }), request: userEvent },
  },
  {
    rule: 'EventAgentReserved/request/reserve-agent',
    event: VALID.EventAgentReserved,
    request: reserve,
    breaks: { event: VALID.EventAgentReserved, request: { ...reserve, Event: 'RequestQueryAddress' } },
  },
  {
    rule: 'EventAgentReserved/ReferenceID/echo',
    event: without(VALID.EventAgentReserved, 'ReferenceID'),
    request: reserve,
    breaks: { event: { ...VALID.EventAgentReserved, ReferenceID: 4 }, request: reserve },
  },
  ...['AgentID', 'Place', 'ThisDN'].flatMap((a): Case[] => [
    {
      rule: `EventAgentReserved/${a}/echo`,
      event: VALID.EventAgentReserved,
      request: reserve,
      breaks: { event: { ...VALID.EventAgentReserved, [a]: 'other' }, request: reserve },
    },
    {
      // Each attribute is Optional: a requested parameter may be left out of the event.
      rule: `EventAgentReserved/${a}/echo`,
      event: without(VALID.EventAgentReserved, a),
      request: reserve,
      breaks: { event: { ...VALID.EventAgentReserved, [a]: 'other' }, request: reserve },
    },
    {
      rule: `EventAgentReserved/${a}/echo`,
      event: without(VALID.EventAgentReserved, a),
      request: without(reserve, a),
      breaks: { event: VALID.EventAgentReserved, request: without(reserve, a) },
    },
  ]),
  {
    rule: 'EventAgentReserved/Timeout/milliseconds',
    event: { ...VALID.EventAgentReserved, Timeout: 20_000 },
    request: reserve,
    breaks: { event: { ...VALID.EventAgentReserved, Timeout: 30 }, request: reserve },
  },
  {
    rule: 'EventAgentReserved/Timeout/milliseconds',
    event: without(VALID.EventAgentReserved, 'Timeout'),
    request: { ...reserve, Timeout: 2500 },
    breaks: { event: { ...VALID.EventAgentReserved, Timeout: 3 }, request: { ...reserve, Timeout: 2500 } },
  },
  {
    rule: 'EventPrivateInfo/request/private-service',
    event: VALID.EventPrivateInfo,
    request: { Event: 'RequestPrivateService', ReferenceID: 11 },
    breaks: { event: VALID.EventPrivateInfo, request: { Event: 'RequestSetCallInfo', ReferenceID: 11 } },
  },
  {
    rule: 'EventPrivateInfo/ReferenceID/echo',
    event: VALID.EventPrivateInfo,
    request: { Event: 'RequestPrivateService', ReferenceID: 11 },
    breaks: { event: VALID.EventPrivateInfo, request: { Event: 'RequestPrivateService', ReferenceID: 12 } },
  },
];

describe.each(CASES)('$rule', ({ rule, event, request, breaks }) => {
  it('holds for a conforming answer', () => {
    expect(validate(event, { request })).toEqual([]);
  });
  it('fails, alone, for a breaking answer', () => {
    const violations = validate(breaks.event, { request: breaks.request });
    expect(ids(violations)).toEqual([rule]);
    expect(violations[0]!.message).toContain(breaks.event.Event);
  });
});

describe('request rules', () => {
  it('every request rule has a case here', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(REQUEST_RULES.map((r) => r.id)));
  });

  it('are not applied without a request', () => {
    expect(validate(ack({ SubscriptionID: 'sub-1' }))).toEqual([]);
  });

  it('reject a request that is not a message with a typed error', () => {
    expect(() => validate(ack(), { request: 5 as never })).toThrow(ValidationContextError);
  });

  it('accept a request in memory form', () => {
    const request = { Event: 'RequestDistributeUserEvent', ReferenceID: 7, UserData: [['b', new Uint8Array([1])]] } as never;
    expect(validate(ack(), { request })).toEqual([]);
  });
});
