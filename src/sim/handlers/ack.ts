/**
 * EventACK: "T-Server has acknowledged a request received from a client
 * application." UserEvent "is the identifier of the request that has caused
 * T-Server to generate EventACK", so it is the request's message type id.
 */
import { messageByName, type Attributes, type Message } from '../../index.js';
import type { SimContext } from '../context.js';
import { event } from '../events.js';
import { need } from '../refusal.js';

export function ackFor(ctx: SimContext, request: Message, extra: Attributes = {}): Message {
  const referenceId = need(request, 'ReferenceID');
  const requestType = messageByName(request.Event)?.id ?? -1;
  const attrs: Attributes = { ...extra, UserEvent: ctx.defects.has('ack-wrong-user-event') ? requestType + 1 : requestType };
  if (ctx.defects.has('ack-wrong-reference-id')) attrs.ReferenceID = referenceId + 1;
  else if (!ctx.defects.has('ack-no-reference-id')) attrs.ReferenceID = referenceId;
  if (ctx.defects.has('ack-subscription-id-stray') && request.Event !== 'RequestTransactionMonitoring') attrs.SubscriptionID = 'sub-stray';
  return event('EventACK', attrs);
}
