/**
 * Every event the target sends, checked against its schema (the reference's
 * Mandatory/Optional tables, spec/events/*.schema.json) by the validator.
 */
import type { Message } from '../../src/codec/types.js';
import { CARDINALITY } from '../../src/validate/cardinality.js';
import { violation } from '../model/failure.js';
import type { Scenario, ScenarioContext, WireClient } from '../model/scenario.js';
import { event } from './check.js';
import { scenarioFamily } from './family.js';

const STEPS_ANSWERS = ['EventACK', 'EventUserEvent', 'EventPrivateInfo', 'EventAgentReserved', 'EventCallInfoChanged'];

/**
 * The events judged: those the steps provoke. The hot-standby and obsolete
 * events have their own scenarios (EventRestoreConnection "does not use the
 * conventional event contents structure").
 */
function judged(m: Message): boolean {
  return STEPS_ANSWERS.includes(m.Event);
}

/**
 * Requests that between them draw every special event two clients can
 * provoke. The user event goes to a second client registered on the DN:
 * one "from another client application" (EventUserEvent.description.0) gives
 * the sender no right to hear its own, and no duty to.
 */
async function provokeEvents(ctx: ScenarioContext, a: WireClient, b: WireClient): Promise<void> {
  const dn = ctx.resources.dn('dn');
  await a.register(dn);
  await b.register(dn);
  // Each with the sentence that makes the server answer it, quoted if the answer never comes.
  const steps: Array<[Message, string, WireClient, string]> = [
    [{ Event: 'RequestDistributeEvent', ThisDN: dn }, 'EventACK', a, CARDINALITY.EventACK.description],
    [{ Event: 'RequestDistributeUserEvent', ThisDN: dn, UserData: [['k', 'v']] }, 'EventUserEvent', b, CARDINALITY.EventUserEvent.description],
    [{ Event: 'RequestPrivateService', PrivateEvent: 1, ThisDN: dn }, 'EventPrivateInfo', a, CARDINALITY.EventPrivateInfo.description],
    [{ Event: 'RequestReserveAgent', ThisDN: dn, Timeout: 1000 }, 'EventAgentReserved', a, CARDINALITY.EventAgentReserved.description],
    [{ Event: 'RequestSetCallInfo', ConnID: (await ctx.obtainCall()).ConnID, CustomerID: 'c' }, 'EventCallInfoChanged', a, CARDINALITY.EventCallInfoChanged.description],
  ];
  for (const [request, answer, to, sentence] of steps) {
    a.request(request);
    await to.expect(event(answer, undefined, undefined, sentence));
  }
  await a.sync();
  ctx.seen(a.received.some((m) => m.Event === 'EventUserEvent') ? 'the sender also received its own EventUserEvent' : 'the sender did not receive its own EventUserEvent');
}

export const SCHEMA_SCENARIOS: Scenario[] = scenarioFamily({}, [
  {
    id: 'schema/every-event-valid',
    title: 'Every special event received (EventACK, EventUserEvent, EventPrivateInfo, EventAgentReserved, EventCallInfoChanged) is valid against its schema',
    reference: 'Event Attribute / Type tables: every Mandatory attribute present, Optional ones of their type, nothing else.',
    needs: ['second-client'],
    uses: { dns: 2, call: true },
    // Every table row of the events it provokes, and the delivery of the EventUserEvent it waits for.
    cites: [
      'EventACK.row.ReferenceID',
      'EventUserEvent.row.ThisDN',
      'EventUserEvent.description.0',
      'EventPrivateInfo.row.PrivateEvent',
      'EventPrivateInfo.row.time',
      'EventAgentReserved.note.a.0',
      'EventCallInfoChanged.row.ConnID',
    ],
    run: async (ctx) => {
      const a = await ctx.client('client-a');
      const b = await ctx.client('client-b');
      await provokeEvents(ctx, a, b);
      // Every received instance is judged as it arrives (conformance/rules/received-rules.ts); this states it once more for the events provoked here.
      for (const c of [a, b]) {
        for (const m of c.received.filter(judged)) {
          const [v] = ctx.validate(m);
          if (v) throw violation(`${m.Event} breaks ${v.rule}: ${v.message}`, v.expected, v.actual, c.recordOf(m), v.reference);
        }
      }
    },
  },
]);
