/**
 * EventAgentReserved: "generated as a positive response to the
 * TReserveAgent() request ... the event is sent to the application that sent
 * the request and to all clients registered on the agent's DN."
 */
import { sentence, type SentenceId } from '../../src/reference/sentences.js';
import type { Message } from '../../src/codec/types.js';
import type { Scenario, ScenarioContext, WireClient } from '../model/scenario.js';
import { blame, event, mustEqual, mustLack } from './check.js';
import { scenarioFamily, type FamilyMember } from './family.js';
import { bystander, registeredOn } from './registered.js';
import { unconfirmedScenario } from './unconfirmed.js';

const DELIVERY = sentence('EventAgentReserved.description.1');
const ECHO = sentence('EventAgentReserved.note.a.1');
const MILLISECONDS = sentence('EventAgentReserved.note.b.0');
const PRESENT_IN_REQUEST = sentence('EventAgentReserved.description.0');
/**
 * Not a whole number of seconds and below any cap a server is likely to
 * impose, so a server that reports seconds sends 2 or 3, which no server
 * granting a duration in milliseconds would report for it.
 */
const TIMEOUT_MS = 2500;
const IDENTITY = ['AgentID', 'Place', 'ThisDN'] as const;

function reserve(ctx: ScenarioContext, extra: Partial<Message> = {}): Message {
  return { Event: 'RequestReserveAgent', ...ctx.resources.agent(), ThisDN: ctx.resources.dn('dn'), Timeout: TIMEOUT_MS, ...extra } as Message;
}

const reserved = event('EventAgentReserved');

/** What the delivery scenarios share: the sentence on who receives EventAgentReserved, and a second client to receive it. */
const DELIVERY_CHECK = { needs: ['second-client'], cites: ['EventAgentReserved.description.1'] } satisfies Partial<FamilyMember>;

/** The requester, and the EventAgentReserved that answers the request `build` makes once it is connected. */
async function reservation(ctx: ScenarioContext, build: () => Message): Promise<{ a: WireClient; m: Message }> {
  const a = await ctx.client('requester');
  a.request(build());
  return { a, m: await a.expect(reserved) };
}

/** A scenario that reserves the leased agent by AgentID alone and judges the EventAgentReserved that answers. */
function byAgentIdAlone(s: { id: string; title: string; cite: SentenceId; judge: (ctx: ScenarioContext, a: WireClient, m: Message) => void }): FamilyMember {
  return {
    id: s.id,
    title: s.title,
    uses: { agents: 1 },
    cites: [s.cite],
    run: async (ctx) => {
      const { a, m } = await reservation(ctx, () => ({ Event: 'RequestReserveAgent', AgentID: ctx.resources.agent().AgentID }));
      s.judge(ctx, a, m);
    },
  };
}

export const AGENT_RESERVED_SCENARIOS: Scenario[] = scenarioFamily({}, [
  {
    id: 'agent-reserved/requester/echo',
    title: 'EventAgentReserved reaches the requester, its AgentID, Place and ThisDN equal to the request\'s',
    reference: `${DELIVERY} ${ECHO}`,
    uses: { dns: 1, agents: 1 },
    cites: ['EventAgentReserved.note.a.1', 'EventAgentReserved.note.a.0'],
    run: async (ctx) => {
      const a = await ctx.client('requester');
      const request = reserve(ctx);
      a.request(request);
      const m = await a.expect(event('EventAgentReserved', undefined, 'for the requester (the application that sent TReserveAgent())'));
      // Each attribute is Optional: one left out is allowed, one present must equal its parameter.
      const echoed = IDENTITY.filter((k) => m[k] !== undefined);
      for (const attr of echoed) mustEqual(a, m, attr, request[attr], 'must equal the TReserveAgent() parameter', ECHO);
      ctx.seen(echoed.length === IDENTITY.length ? 'echoes AgentID, Place and ThisDN' : `echoes ${echoed.join(', ') || 'none'} of AgentID, Place, ThisDN`);
    },
  },
  byAgentIdAlone({
    id: 'agent-reserved/present-in-request',
    title: 'EventAgentReserved confirms only the parameters present in the request',
    cite: 'EventAgentReserved.description.0',
    judge: (ctx, a, m) => {
      // Reading: an attribute the request lacked has no parameter to be "equal to", so it must not appear.
      mustLack(a, m, 'Place', 'the request named no agent_place, so there is none to confirm', PRESENT_IN_REQUEST);
      mustLack(a, m, 'ThisDN', 'the request named no agent_dn, so there is none to confirm', PRESENT_IN_REQUEST);
    },
  }),
  // A negative input: an agent that does not exist cannot "have been successfully reserved".
  unconfirmedScenario({
    id: 'agent-reserved/unknown-agent',
    title: 'No EventAgentReserved for an agent the switch does not have',
    cite: 'EventAgentReserved.description.0',
    client: 'requester',
    kind: 'agent',
    request: (AgentID) => ({ Event: 'RequestReserveAgent', AgentID }),
    service: 'TReserveAgent()',
    preposition: 'for',
    absent: 'an agent the switch does not have',
    confirmation: 'EventAgentReserved',
    because: 'nothing was successfully reserved',
  }),
  byAgentIdAlone({
    id: 'agent-reserved/at-least-one',
    title: 'EventAgentReserved carries at least one of AgentID, Place, ThisDN',
    cite: 'EventAgentReserved.note.a.0',
    judge: (ctx, a, m) => {
      const present = IDENTITY.filter((k) => m[k] !== undefined);
      if (present.length === 0) blame(a, m, 'EventAgentReserved names no agent', 'at least one of AgentID, Place, ThisDN', 'none of them');
      ctx.seen(`carries ${present.join(', ')}`);
    },
  }),
  {
    id: 'agent-reserved/timeout-milliseconds',
    title: 'EventAgentReserved reports Timeout in milliseconds',
    uses: { dns: 1, agents: 1 },
    cites: ['EventAgentReserved.note.b.0'],
    run: async (ctx) => {
      const { a, m } = await reservation(ctx, () => reserve(ctx));
      // Timeout is Optional and the server chooses the duration it grants; only the unit is ruled.
      if (m.Timeout === undefined) return ctx.seen('no Timeout (Optional)');
      const seconds = [Math.floor(TIMEOUT_MS / 1000), Math.ceil(TIMEOUT_MS / 1000)];
      if (seconds.includes(m.Timeout)) {
        blame(a, m, `EventAgentReserved.Timeout is the requested ${TIMEOUT_MS} ms in seconds`, `a duration in milliseconds (any value but ${seconds.join(' or ')})`, `Timeout = ${m.Timeout}`, MILLISECONDS);
      }
      ctx.seen(m.Timeout === TIMEOUT_MS ? `Timeout ${m.Timeout} ms, as requested` : `Timeout ${m.Timeout} ms granted for ${TIMEOUT_MS} ms requested`);
    },
  },
  {
    id: 'agent-reserved/registered-clients',
    title: "EventAgentReserved reaches every client registered on the agent's DN",
    ...DELIVERY_CHECK,
    uses: { dns: 1, agents: 1 },
    run: async (ctx) => {
      const dn = ctx.resources.dn('dn');
      const [b, c] = [await registeredOn(ctx, 'registered-1', dn), await registeredOn(ctx, 'registered-2', dn)];
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
    ...DELIVERY_CHECK,
    uses: { dns: 2, agents: 1 },
    run: async (ctx) => {
      const elsewhere = await bystander(ctx);
      const a = await ctx.client('requester');
      a.request(reserve(ctx));
      await a.expect(reserved);
      await elsewhere.expectNone(reserved, undefined, DELIVERY);
    },
  },
]);
