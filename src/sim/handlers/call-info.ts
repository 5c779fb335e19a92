/**
 * TSetCallInfo(): EventCallInfoChanged (EventCallInfoChanged.description.0,
 * .row.ConnID) to the requester and, when the simulator knows the call, to
 * the clients registered on the call's DN.
 */
import type { Attributes, Message } from '../../codec/types.js';
import type { SimContext } from '../context.js';
import { fanout, reply, type Delivery } from '../delivery.js';
import { event } from '../events.js';
import { need } from '../refusal.js';
import type { Session } from '../session.js';

export function setCallInfo(ctx: SimContext, session: Session, request: Message): Delivery[] {
  const connId = need(request, 'ConnID');
  const call = ctx.state.calls.get(connId);
  if (call) {
    if (request.CustomerID !== undefined) call.CustomerID = request.CustomerID;
    if (request.UserData !== undefined) call.UserData = request.UserData;
  }
  const body = (): Attributes => ({ ConnID: connId, CustomerID: request.CustomerID ?? call?.CustomerID });
  const out = [reply(session, event('EventCallInfoChanged', { ...body(), ReferenceID: request.ReferenceID }))];
  if (call) out.push(fanout(ctx.state.registeredOn(session.server, call.ThisDN), event('EventCallInfoChanged', body()), session));
  return out;
}
