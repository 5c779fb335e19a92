/**
 * EventUserEvent: "A user event from another client application has been
 * received." ThisDN Mandatory; "Other attributes are specified by the
 * initiator of this event."
 */
import { sentence } from '../../src/reference/sentences.js';
import { toJSON } from '../../src/codec/json.js';
import type { KVList } from '../../src/codec/types.js';
import type { Scenario, ScenarioContext, WireClient } from '../model/scenario.js';
import { blame, event, mustEqual } from './check.js';
import { scenarioFamily } from './family.js';
import { bystander, registeredOn } from './registered.js';

const RECEIVED = sentence('EventUserEvent.description.0');
const THIS_DN = `EventUserEvent: ${sentence('EventUserEvent.row.ThisDN')}`;
const INITIATOR = `${sentence('EventUserEvent.contents.0')} ${sentence('EventUserEvent.contents.1')}`;
/**
 * A repeated key: the initiator's list is passed on as given, not merged as a map would. The
 * leased DN in it makes each scenario's copies differ, so a copy without ThisDN is still
 * attributed to the request that caused it, never to another scenario's sent at the same time.
 */
export const userData = (dn: string): KVList => [
  ['greeting', 'hello'],
  ['for', dn],
  ['n', 7],
  ['n', 8],
];

/** The request a user-event scenario sends. */
export const distributeUserEvent = (dn: string) => ({ Event: 'RequestDistributeUserEvent', ThisDN: dn, UserData: userData(dn) }) as const;

/** A registered receiver, and the user event another client sends to its DN. */
async function sendUserEvent(ctx: ScenarioContext, bystanderToo = false): Promise<{ receiver: WireClient; sender: WireClient; bystander?: WireClient; dn: string }> {
  const dn = ctx.resources.dn('dn');
  const receiver = await registeredOn(ctx, 'receiver', dn);
  const elsewhere = bystanderToo ? await bystander(ctx) : undefined;
  const sender = await ctx.client('sender');
  const ref = sender.request(distributeUserEvent(dn));
  await sender.expect(event('EventACK', (m) => m.ReferenceID === ref));
  return { receiver, sender, dn, ...(elsewhere ? { bystander: elsewhere } : {}) };
}

const userEvent = event('EventUserEvent', undefined, 'from the other client', RECEIVED);

function sameJson(a: unknown, b: unknown): boolean {
  const json = (v: unknown): string => JSON.stringify(toJSON({ Event: 'EventUserEvent', UserData: v } as never).UserData);
  return json(a) === json(b);
}

export const USER_EVENT_SCENARIOS: Scenario[] = scenarioFamily({ needs: ['second-client'], uses: { dns: 1 }, cites: ['EventUserEvent.description.0', 'EventACK.description.0'] }, [
  {
    id: 'user-event/delivered',
    title: 'EventUserEvent reaches the clients registered on ThisDN',
    reference: RECEIVED,
    run: async (ctx) => {
      const { receiver } = await sendUserEvent(ctx);
      await receiver.expect(userEvent);
    },
  },
  {
    id: 'user-event/this-dn',
    title: 'EventUserEvent carries ThisDN',
    reference: THIS_DN,
    cites: ['EventUserEvent.row.ThisDN', 'EventUserEvent.contents.0'],
    run: async (ctx) => {
      const { receiver, dn } = await sendUserEvent(ctx);
      const m = await receiver.expect(userEvent);
      mustEqual(receiver, m, 'ThisDN', dn, 'is Mandatory and names the DN the event was sent to', THIS_DN);
    },
  },
  {
    id: 'user-event/initiator-attributes',
    title: 'EventUserEvent carries the UserData its initiator specified',
    reference: INITIATOR,
    cites: ['EventUserEvent.contents.1'],
    run: async (ctx) => {
      const { receiver, dn } = await sendUserEvent(ctx);
      const m = await receiver.expect(userEvent);
      const given = userData(dn);
      if (!sameJson(m.UserData, given)) {
        blame(receiver, m, 'EventUserEvent does not carry the attributes its initiator specified', `UserData = ${JSON.stringify(given)} (as the sender gave it)`, m.UserData === undefined ? 'no UserData' : `UserData = ${JSON.stringify(toJSON(m).UserData)}`, INITIATOR);
      }
    },
  },
  {
    id: 'user-event/no-leak',
    title: 'EventUserEvent reaches no client registered only on another DN',
    reference: RECEIVED,
    uses: { dns: 2 },
    run: async (ctx) => {
      // Reading: a user event is sent to a DN; "received" by the clients of that DN, not by every client of the server.
      const { receiver, bystander } = await sendUserEvent(ctx, true);
      await receiver.expect(userEvent);
      await bystander!.expectNone(event('EventUserEvent'), undefined, RECEIVED);
    },
  },
]);
