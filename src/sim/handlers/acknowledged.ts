/** The requests the reference answers with EventACK (EventACK.description.1; src/registry.ts ANSWERS). */
import type { Attributes, Message } from '../../codec/types.js';
import { SUBSCRIPTION_OPERATION } from '../../registry.js';
import type { SimContext } from '../context.js';
import { fanout, reply, type Delivery } from '../delivery.js';
import { event } from '../events.js';
import { Refusal, need } from '../refusal.js';
import type { Session } from '../session.js';
import { ackFor } from './ack.js';

export function setInputMask(_ctx: SimContext, session: Session, request: Message): Delivery[] {
  return [reply(session, ackFor(request))];
}

export function distributeEvent(_ctx: SimContext, session: Session, request: Message): Delivery[] {
  return [reply(session, ackFor(request))];
}

/**
 * EventUserEvent's other attributes come from its initiator
 * (EventUserEvent.contents.1): the request's own attributes pass through,
 * except its ReferenceID, which correlates the sender's request and would
 * mislead every other recipient.
 */
export function distributeUserEvent(ctx: SimContext, session: Session, request: Message): Delivery[] {
  const dn = need(request, 'ThisDN');
  const ack = ackFor(request);
  const { Event: _event, ReferenceID: _ref, Server: _server, time: _time, ...initiator } = request;
  return [reply(session, ack), fanout(ctx.state.registeredOn(session.server, dn), event('EventUserEvent', { ...initiator }))];
}

const OPERATIONS: ReadonlySet<number> = new Set(Object.values(SUBSCRIPTION_OPERATION));

/**
 * SubscriptionID on the ACK of SubscriptionStart only (EventACK.note.b.0).
 * A subscription belongs to the client that started it: only it can stop or
 * modify it, and it ends with that client's connection.
 */
export function transactionMonitoring(ctx: SimContext, session: Session, request: Message): Delivery[] {
  const op = need(request, 'SubscriptionOperation');
  if (!OPERATIONS.has(op)) {
    throw new Refusal('INVALID_ATTRIBUTE', `SubscriptionOperation ${op} is not one of ${[...OPERATIONS].join(', ')}`);
  }
  if (op === SUBSCRIPTION_OPERATION.SubscriptionStart) {
    const ack = ackFor(request); // a missing ReferenceID refuses the request before any subscription exists
    ack.SubscriptionID = ctx.state.newSubscription(session, ctx.limits);
    return [reply(session, ack)];
  }
  const id = need(request, 'SubscriptionID');
  if (!ctx.state.ownsSubscription(session, id)) throw new Refusal('UNKNOWN_SUBSCRIPTION', id);
  const ack = ackFor(request);
  if (op === SUBSCRIPTION_OPERATION.SubscriptionStop) ctx.state.endSubscription(session, id);
  return [reply(session, ack)];
}

/**
 * TPrivateService() is among the functions EventACK answers, so EventACK
 * comes first; then EventPrivateInfo goes to the requester and to the
 * clients registered on the device (EventPrivateInfo.distribution.1, .2).
 */
export function privateService(ctx: SimContext, session: Session, request: Message): Delivery[] {
  const PrivateEvent = need(request, 'PrivateEvent');
  const ack = ackFor(request);
  const body = (): Attributes => ({ PrivateEvent, ThisDN: request.ThisDN, ConnID: request.ConnID, UserData: request.UserData });
  const device = request.ThisDN === undefined ? [] : ctx.state.registeredOn(session.server, request.ThisDN);
  return [
    reply(session, ack),
    reply(session, event('EventPrivateInfo', { ...body(), ReferenceID: request.ReferenceID })),
    fanout(device, event('EventPrivateInfo', body()), session),
  ];
}
