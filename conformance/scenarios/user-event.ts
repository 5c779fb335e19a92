/** EventUserEvent: "A user event from another client application has been received." ThisDN Mandatory. */
import type { Scenario, ScenarioContext, WireClient } from '../scenario.js';
import { event, mustEqual } from './check.js';

/** A registered receiver, and the user event another client sends to its DN. */
async function sendUserEvent(ctx: ScenarioContext): Promise<{ receiver: WireClient; dn: string }> {
  const dn = ctx.resources.dn('dn');
  const receiver = await ctx.client('receiver');
  await receiver.register(dn);
  const sender = await ctx.client('sender');
  sender.request({ Event: 'RequestDistributeUserEvent', ThisDN: dn, UserData: [['greeting', 'hello']] });
  await sender.expect(event('EventACK'));
  return { receiver, dn };
}

const userEvent = event('EventUserEvent', undefined, 'from the other client');

export const USER_EVENT_SCENARIOS: Scenario[] = [
  {
    id: 'user-event/delivered',
    title: 'EventUserEvent reaches the clients registered on ThisDN',
    reference: 'A user event from another client application has been received.',
    level: 'must',
    needs: ['second-client'],
    uses: { dns: 1 },
    brokenBy: ['user-event-not-delivered'],
    run: async (ctx) => {
      const { receiver } = await sendUserEvent(ctx);
      await receiver.expect(userEvent);
    },
  },
  {
    id: 'user-event/this-dn',
    title: 'EventUserEvent carries ThisDN',
    reference: 'EventUserEvent contains T-Server-required attributes. ... ThisDN Mandatory.',
    level: 'must',
    needs: ['second-client'],
    uses: { dns: 1 },
    brokenBy: ['user-event-no-this-dn', 'user-event-not-delivered'],
    run: async (ctx) => {
      const { receiver, dn } = await sendUserEvent(ctx);
      const m = await receiver.expect(userEvent);
      mustEqual(receiver, m, 'ThisDN', dn, 'is Mandatory and names the DN the event was sent to');
    },
  },
];
