/**
 * Every event the target sends, checked against its schema (the reference's
 * Mandatory/Optional tables, spec/events/*.schema.json) by the validator.
 */
import type { Message } from '../../src/index.js';
import { violation } from '../failure.js';
import type { Scenario, ScenarioContext, WireClient } from '../scenario.js';
import { event } from './check.js';

const STEPS_ANSWERS = ['EventACK', 'EventUserEvent', 'EventPrivateInfo', 'EventAgentReserved', 'EventCallInfoChanged'];

/**
 * The events judged: those the steps provoke. The hot-standby and obsolete
 * events have their own scenarios (EventRestoreConnection "does not use the
 * conventional event contents structure").
 */
function judged(m: Message): boolean {
  return STEPS_ANSWERS.includes(m.Event);
}

/** Requests that between them draw every special event a single client can provoke. */
async function provokeEvents(ctx: ScenarioContext, a: WireClient): Promise<void> {
  const dn = ctx.resources.dn('dn');
  await a.register(dn);
  const steps: Array<[Message, string]> = [
    [{ Event: 'RequestDistributeEvent', ThisDN: dn }, 'EventACK'],
    [{ Event: 'RequestDistributeUserEvent', ThisDN: dn, UserData: [['k', 'v']] }, 'EventUserEvent'],
    [{ Event: 'RequestPrivateService', PrivateEvent: 1, ThisDN: dn }, 'EventPrivateInfo'],
    [{ Event: 'RequestReserveAgent', ThisDN: dn, Timeout: 1000 }, 'EventAgentReserved'],
    [{ Event: 'RequestSetCallInfo', ConnID: (await ctx.obtainCall()).ConnID, CustomerID: 'c' }, 'EventCallInfoChanged'],
  ];
  for (const [request, answer] of steps) {
    a.request(request);
    await a.expect(event(answer));
  }
}

export const SCHEMA_SCENARIOS: Scenario[] = [
  {
    id: 'schema/every-event-valid',
    title: 'Every special event received (EventACK, EventUserEvent, EventPrivateInfo, EventAgentReserved, EventCallInfoChanged) is valid against its schema',
    reference: 'Event Attribute / Type tables: every Mandatory attribute present, Optional ones of their type, nothing else.',
    level: 'must',
    needs: [],
    uses: { dns: 2, call: true },
    brokenBy: [
      'ack-no-reference-id',
      'user-event-no-this-dn',
      'user-event-not-delivered',
      'private-info-no-private-event',
      'missing-time',
      'reserved-no-identity',
      'call-info-no-conn-id',
    ],
    run: async (ctx) => {
      const a = await ctx.client('client-a');
      await provokeEvents(ctx, a);
      for (const m of a.received.filter(judged)) {
        const found = ctx.validate(m);
        if (found.length === 0) continue;
        const v = found[0]!;
        throw violation(`${m.Event} breaks ${v.rule}: ${v.message}`, v.expected, v.actual, a.recordOf(m));
      }
    },
  },
];
