/**
 * TSetCallInfo(): EventCallInfoChanged (EventCallInfoChanged.description.0,
 * .row.ConnID) to the requester and the clients registered on the call's DN.
 * A ConnID of no call is refused: the information of no call has changed.
 */
import type { Attributes, Message } from '../../codec/types.js';
import type { SimContext } from '../context.js';
import { fanout, reply, type Delivery } from '../delivery.js';
import { event } from '../events.js';
import { need, Refusal } from '../refusal.js';
import type { Session } from '../session.js';

export function setCallInfo(ctx: SimContext, session: Session, request: Message): Delivery[] {
  const connId = need(request, 'ConnID');
  const call = ctx.state.calls.get(connId);
  if (!call) throw new Refusal('UNKNOWN_CALL', `no call ${connId} on this switch`);
  if (request.CustomerID !== undefined) call.CustomerID = request.CustomerID;
  if (request.UserData !== undefined) call.UserData = request.UserData;
  const body = (): Attributes => ({ ConnID: connId, CustomerID: call.CustomerID });
  return [
    reply(session, event('EventCallInfoChanged', { ...body(), ReferenceID: request.ReferenceID })),
    fanout(ctx.state.registeredOn(session.server, call.ThisDN), event('EventCallInfoChanged', body()), session),
  ];
}
