/**
 * EventPrivateInfo: "This event can be distributed to the following
 * clients: Those who made a request for the private service,
 * TPrivateService(). Those registered on the specified device ..."
 */
import type { Scenario } from '../scenario.js';
import { event, mustHave } from './check.js';

const DISTRIBUTION =
  'This event can be distributed to the following clients: Those who made a request for the private service, TPrivateService(). Those registered on the specified device, depending on the nature of the service. Those who would otherwise be ineligible (for security reasons) for receiving given events, and who thus require additional registration in order to be notified.';
const PRIVATE_EVENT = 4711;
const info = event('EventPrivateInfo');

export const PRIVATE_INFO_SCENARIOS: Scenario[] = [
  {
    id: 'private-info/requester/mandatory',
    title: 'EventPrivateInfo reaches the TPrivateService() requester with PrivateEvent and time',
    reference: 'This event is generated both in response to a TPrivateService() function call ... EventPrivateInfo: PrivateEvent Mandatory, time Mandatory.',
    level: 'must',
    needs: [],
    uses: { dns: 1 },
    brokenBy: ['private-info-no-private-event', 'missing-time'],
    run: async (ctx) => {
      const a = await ctx.client('requester');
      a.request({ Event: 'RequestPrivateService', PrivateEvent: PRIVATE_EVENT, ThisDN: ctx.resources.dn('device') });
      const m = await a.expect(info);
      mustHave(a, m, 'PrivateEvent', 'PrivateEvent is Mandatory');
      mustHave(a, m, 'time', 'time is Mandatory');
    },
  },
  {
    id: 'private-info/no-leak',
    title: 'EventPrivateInfo reaches no client that neither requested it nor is registered on the device',
    reference: DISTRIBUTION,
    level: 'must',
    needs: ['second-client'],
    uses: { dns: 2 },
    brokenBy: ['private-info-leak'],
    run: async (ctx) => {
      const device = ctx.resources.dn('device');
      const registered = await ctx.client('on-device');
      await registered.register(device);
      const bystander = await ctx.client('bystander');
      await bystander.register(ctx.resources.dn('elsewhere'));
      const a = await ctx.client('requester');
      a.request({ Event: 'RequestPrivateService', PrivateEvent: PRIVATE_EVENT, ThisDN: device });
      await a.expect(info);
      // Delivery to the device's clients depends "on the nature of the service": either is allowed.
      const toDevice = await registered.expect(info, ctx.quietMs).then(
        () => true,
        () => false,
      );
      ctx.seen(toDevice ? 'also delivered to the client registered on the device' : 'delivered to the requester only');
      await bystander.expectNone(info);
    },
  },
];
