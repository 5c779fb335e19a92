/**
 * EventAgentReserved: "generated as a positive response to the
 * TReserveAgent() request ... the event is sent to the application that sent
 * the request and to all clients registered on the agent's DN."
 */
import type { Message } from '../../src/index.js';
import type { Scenario, ScenarioContext } from '../scenario.js';
import { blame, event, mustEqual } from './check.js';

const DELIVERY =
  "When an agent becomes reserved as the result of TReserveAgent() request, the event is sent to the application that sent the request and to all clients registered on the agent's DN.";
const ECHO = 'The attributes are equal to the corresponding parameters of the TReserveAgent() function.';
const AT_LEAST_ONE = 'At least one of the AgentID, Place, or ThisDN attributes must be present.';
const MILLISECONDS = 'The duration of the reservation is in milliseconds.';
/** Long enough that a value in seconds can never be mistaken for it. */
const TIMEOUT_MS = 30_000;

function reserve(ctx: ScenarioContext, extra: Partial<Message> = {}): Message {
  return { Event: 'RequestReserveAgent', ...ctx.resources.agent(), ThisDN: ctx.resources.dn('dn'), Timeout: TIMEOUT_MS, ...extra } as Message;
}

const reserved = event('EventAgentReserved');

export const AGENT_RESERVED_SCENARIOS: Scenario[] = [
  {
    id: 'agent-reserved/requester/echo',
    title: 'EventAgentReserved to the requester echoes AgentID, Place and ThisDN',
    reference: ECHO,
    level: 'must',
    needs: [],
    uses: { dns: 1, agents: 1 },
    brokenBy: ['reserved-wrong-echo', 'reserved-no-identity'],
    run: async (ctx) => {
      const a = await ctx.client('requester');
      const request = reserve(ctx);
      a.request(request);
      const m = await a.expect(reserved);
      for (const attr of ['AgentID', 'Place', 'ThisDN'] as const) mustEqual(a, m, attr, request[attr], 'must equal the TReserveAgent() parameter');
    },
  },
  {
    id: 'agent-reserved/at-least-one',
    title: 'EventAgentReserved carries at least one of AgentID, Place, ThisDN',
    reference: AT_LEAST_ONE,
    level: 'must',
    needs: [],
    uses: { agents: 1 },
    brokenBy: ['reserved-no-identity'],
    run: async (ctx) => {
      const a = await ctx.client('requester');
      a.request({ Event: 'RequestReserveAgent', AgentID: ctx.resources.agent().AgentID });
      const m = await a.expect(reserved);
      const present = (['AgentID', 'Place', 'ThisDN'] as const).filter((k) => m[k] !== undefined);
      if (present.length === 0) blame(a, m, 'EventAgentReserved names no agent', 'at least one of AgentID, Place, ThisDN', 'none of them');
      ctx.seen(`carries ${present.join(', ')}`);
    },
  },
  {
    id: 'agent-reserved/timeout-milliseconds',
    title: 'EventAgentReserved reports Timeout in milliseconds',
    reference: MILLISECONDS,
    level: 'must',
    needs: [],
    uses: { dns: 1, agents: 1 },
    brokenBy: ['reserved-timeout-seconds'],
    run: async (ctx) => {
      const a = await ctx.client('requester');
      a.request(reserve(ctx));
      const m = await a.expect(reserved);
      // Timeout is Optional: leaving it out is allowed, a value in other units is not.
      if (m.Timeout === undefined) return ctx.seen('no Timeout (Optional)');
      mustEqual(a, m, 'Timeout', TIMEOUT_MS, `must be the reservation's duration in milliseconds (${TIMEOUT_MS} ms requested)`);
      ctx.seen('Timeout present, in milliseconds');
    },
  },
  {
    id: 'agent-reserved/registered-clients',
    title: "EventAgentReserved reaches every client registered on the agent's DN",
    reference: DELIVERY,
    level: 'must',
    needs: ['second-client'],
    uses: { dns: 1, agents: 1 },
    brokenBy: ['reserved-not-to-registered'],
    run: async (ctx) => {
      const dn = ctx.resources.dn('dn');
      const [b, c] = [await ctx.client('registered-1'), await ctx.client('registered-2')];
      await b.register(dn);
      await c.register(dn);
      const a = await ctx.client('requester');
      a.request(reserve(ctx, { ThisDN: dn }));
      await a.expect(reserved);
      await b.expect(event('EventAgentReserved', undefined, `for the agent on ${dn}`));
      await c.expect(event('EventAgentReserved', undefined, `for the agent on ${dn}`));
    },
  },
  {
    id: 'agent-reserved/no-leak',
    title: 'EventAgentReserved reaches no client registered elsewhere',
    reference: DELIVERY,
    level: 'must',
    needs: ['second-client'],
    uses: { dns: 2, agents: 1 },
    brokenBy: ['reserved-leak'],
    run: async (ctx) => {
      const bystander = await ctx.client('bystander');
      await bystander.register(ctx.resources.dn('elsewhere'));
      const a = await ctx.client('requester');
      a.request(reserve(ctx));
      await a.expect(reserved);
      await bystander.expectNone(reserved);
    },
  },
];
