/**
 * EventPrivateInfo: "This event can be distributed to the following
 * clients: Those who made a request for the private service,
 * TPrivateService(). Those registered on the specified device ..."
 */
import { quote, sentence } from '../../src/reference/sentences.js';
import type { Scenario } from '../model/scenario.js';
import { event, mustHave } from './check.js';
import { scenarioFamily } from './family.js';
import { bystander, registeredOn } from './registered.js';

const DISTRIBUTION = quote([0, 1, 2, 3].map((n) => `EventPrivateInfo.distribution.${n}`));
const GENERATED = sentence('EventPrivateInfo.description.0');
const REQUESTER = `${sentence('EventPrivateInfo.distribution.0')} ${sentence('EventPrivateInfo.distribution.1')}`;
const PRIVATE_EVENT = 4711;
const info = event('EventPrivateInfo');

export const PRIVATE_INFO_SCENARIOS: Scenario[] = scenarioFamily({}, [
  {
    id: 'private-info/requester/mandatory',
    title: 'EventPrivateInfo reaches the TPrivateService() requester with PrivateEvent and time',
    reference: `${GENERATED} ${REQUESTER}`,
    uses: { dns: 1 },
    cites: ['EventPrivateInfo.row.PrivateEvent', 'EventPrivateInfo.row.time'],
    run: async (ctx) => {
      const a = await ctx.client('requester');
      a.request({ Event: 'RequestPrivateService', PrivateEvent: PRIVATE_EVENT, ThisDN: ctx.resources.dn('device') });
      // The shared check holds PrivateEvent and time (both Mandatory) on this and every other instance.
      const m = await a.expect(event('EventPrivateInfo', undefined, 'for the requester (those who made a request for the private service)'));
      mustHave(a, m, 'PrivateEvent', 'PrivateEvent is Mandatory', 'EventPrivateInfo: PrivateEvent Mandatory');
      mustHave(a, m, 'time', 'time is Mandatory', 'EventPrivateInfo: time Mandatory');
    },
  },
  {
    id: 'private-info/no-leak',
    title: 'EventPrivateInfo reaches no client that neither requested it nor is registered on the device',
    needs: ['second-client'],
    uses: { dns: 2 },
    cites: ['EventPrivateInfo.distribution.0', 'EventPrivateInfo.distribution.1', 'EventPrivateInfo.distribution.2', 'EventPrivateInfo.distribution.3'],
    run: async (ctx) => {
      const device = ctx.resources.dn('device');
      const registered = await registeredOn(ctx, 'on-device', device);
      const elsewhere = await bystander(ctx);
      const a = await ctx.client('requester');
      const ref = a.request({ Event: 'RequestPrivateService', PrivateEvent: PRIVATE_EVENT, ThisDN: device });
      await a.expect(info);
      // The reference says when EventPrivateInfo comes, not that an EventACK comes too (spec/conformance-decisions.md):
      // a barrier on the requester's connection, not an awaited EventACK, shows the server is done with the request.
      await a.sync();
      // Delivery to the device's clients depends "on the nature of the service": either is allowed.
      // A barrier on that client's own connection makes "not delivered" a fact, not a guess.
      await registered.sync();
      ctx.seen(registered.received.some(info.match) ? 'also delivered to the client registered on the device' : 'delivered to the requester only');
      const ack = a.received.findIndex((m) => m.Event === 'EventACK' && m.ReferenceID === ref);
      ctx.seen(ack < 0 ? 'EventPrivateInfo alone (no EventACK)' : ack < a.received.findIndex(info.match) ? 'EventACK before EventPrivateInfo' : 'EventPrivateInfo before EventACK');
      await elsewhere.expectNone(info, undefined, DISTRIBUTION);
    },
  },
]);
