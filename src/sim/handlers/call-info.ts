/**
 * TSetCallInfo(): EventCallInfoChanged ("The call information has been
 * changed", ConnID Mandatory) to the requester and, when the simulator knows
 * the call, to the clients registered on the call's DN.
 */
import type { Attributes, Message } from '../../index.js';
import type { SimContext } from '../context.js';
import { deliver } from '../deliver.js';
import { event } from '../events.js';
import { need } from '../refusal.js';
import type { Session } from '../session.js';

export function setCallInfo(ctx: SimContext, session: Session, request: Message): void {
  const connId = need(request, 'ConnID');
  const call = ctx.state.calls.get(connId);
  if (call) {
    if (request.CustomerID !== undefined) call.CustomerID = request.CustomerID;
    if (request.UserData !== undefined) call.UserData = request.UserData;
  }
  const body: Attributes = { ConnID: connId, CustomerID: request.CustomerID ?? call?.CustomerID };
  if (ctx.defects.has('call-info-no-conn-id')) delete body.ConnID;
  if (ctx.defects.has('call-info-wrong-conn-id')) body.ConnID = `${connId.slice(0, -1)}${connId.endsWith('0') ? '1' : '0'}`;
  session.sendMessage(event('EventCallInfoChanged', { ...body, ReferenceID: request.ReferenceID }));
  if (call) deliver(ctx.state.registeredOn(session.server, call.ThisDN), event('EventCallInfoChanged', body), session);
}
