/**
 * The requests the reference answers with EventACK: TSendUserEvent(),
 * TSendEvent()/TSendEventEx(), TSetInputMask(), TTransactionMonitoring()
 * and TPrivateService().
 */
import { SUBSCRIPTION_OPERATION, type Attributes, type Message } from '../../index.js';
import type { SimContext } from '../context.js';
import { deliver } from '../deliver.js';
import { encodeEvent, event } from '../events.js';
import { Refusal, need } from '../refusal.js';
import type { Session } from '../session.js';
import { ackFor } from './ack.js';

export function setInputMask(ctx: SimContext, session: Session, request: Message): void {
  const ack = ackFor(ctx, request);
  if (!ctx.defects.has('ack-missing-set-input-mask')) session.sendMessage(ack);
}

export function distributeEvent(ctx: SimContext, session: Session, request: Message): void {
  session.sendMessage(ackFor(ctx, request));
}

/**
 * EventUserEvent "contains T-Server-required attributes. Other attributes
 * are specified by the initiator of this event": the request's own
 * attributes pass through, except its ReferenceID, which correlates the
 * sender's request and would mislead every other recipient.
 */
export function distributeUserEvent(ctx: SimContext, session: Session, request: Message): void {
  const dn = need(request, 'ThisDN');
  session.sendMessage(ackFor(ctx, request));
  if (ctx.defects.has('user-event-not-delivered')) return;
  const { Event: _event, ReferenceID: _ref, Server: _server, time: _time, ...initiator } = request;
  const attrs: Attributes & { Unknown?: Message['Unknown'] } = { ...initiator };
  if (ctx.defects.has('user-event-no-this-dn')) delete attrs.ThisDN;
  if (ctx.defects.has('user-event-drops-user-data')) delete attrs.UserData;
  const receivers = ctx.state.registeredOn(session.server, dn);
  deliver(receivers, event('EventUserEvent', attrs));
  if (ctx.defects.has('user-event-leak-late')) leakLate(ctx, session, receivers, event('EventUserEvent', attrs));
}

/** The late-leak defects: a copy to every other client, after longer than any quiet window, but ahead of what each is sent next. */
const LEAK_DELAY_MS = 300;
function leakLate(ctx: SimContext, sender: Session, entitled: ReadonlySet<Session>, message: Message): void {
  const bytes = encodeEvent(message);
  for (const s of ctx.state.clients(sender.server)) if (s !== sender && !entitled.has(s)) s.sendLate(bytes, LEAK_DELAY_MS);
}

const OPERATIONS: ReadonlySet<number> = new Set(Object.values(SUBSCRIPTION_OPERATION));

/** SubscriptionID "is mandatory for the operation SubscriptionStart, but is not present for the operations SubscriptionStop and SubscriptionModify". */
export function transactionMonitoring(ctx: SimContext, session: Session, request: Message): void {
  const op = need(request, 'SubscriptionOperation');
  if (!OPERATIONS.has(op)) {
    throw new Refusal('INVALID_ATTRIBUTE', `SubscriptionOperation ${op} is not one of ${[...OPERATIONS].join(', ')}`);
  }
  if (op === SUBSCRIPTION_OPERATION.SubscriptionStart) {
    const id = ctx.state.newSubscription();
    const ack = ackFor(ctx, request, ctx.defects.has('subscription-id-missing-on-start') ? {} : { SubscriptionID: id });
    session.sendMessage(ack);
    return;
  }
  const id = need(request, 'SubscriptionID');
  if (!ctx.state.hasSubscription(id)) throw new Refusal('UNKNOWN_SUBSCRIPTION', id);
  if (op === SUBSCRIPTION_OPERATION.SubscriptionStop) ctx.state.endSubscription(id);
  session.sendMessage(ackFor(ctx, request, ctx.defects.has('subscription-id-on-stop') ? { SubscriptionID: id } : {}));
}

/**
 * TPrivateService() is among the functions EventACK answers, so EventACK
 * comes first; then EventPrivateInfo goes to "those who made a request for
 * the private service" and "those registered on the specified device".
 */
export function privateService(ctx: SimContext, session: Session, request: Message): void {
  const privateEvent = need(request, 'PrivateEvent');
  const ack = ackFor(ctx, request);
  const noTime = ctx.defects.has('missing-time');
  const info = (attrs: Attributes): Message => {
    const m = event('EventPrivateInfo', attrs);
    if (noTime) delete m.time;
    return m;
  };
  const body: Attributes = {
    PrivateEvent: ctx.defects.has('private-info-no-private-event') ? undefined : privateEvent,
    ThisDN: request.ThisDN,
    ConnID: request.ConnID,
    UserData: request.UserData,
  };
  session.sendMessage(ack);
  session.sendMessage(info({ ...body, ReferenceID: request.ReferenceID }));
  const device = request.ThisDN === undefined ? [] : ctx.state.registeredOn(session.server, request.ThisDN);
  const recipients = ctx.defects.has('private-info-leak') ? ctx.state.clients(session.server) : device;
  deliver(recipients, info(body), session);
  if (ctx.defects.has('private-info-leak-late')) leakLate(ctx, session, new Set(device), info(body));
}
