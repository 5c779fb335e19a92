/**
 * TQueryLocation(), TQueryAddress(), TQueryCall(): what a client calls to
 * re-synchronize after EventPrimaryChanged (EventPrimaryChanged.warning.0).
 * The backup answers them too.
 */
import type { Message } from '../../codec/types.js';
import { ADDRESS_TYPE } from '../../registry.js';
import type { SimContext } from '../context.js';
import { reply, type Delivery } from '../delivery.js';
import { event } from '../events.js';
import { Refusal, need } from '../refusal.js';
import type { Session } from '../session.js';

export function queryLocation(ctx: SimContext, session: Session, request: Message): Delivery[] {
  return [reply(session, event('EventLocationInfo', { ReferenceID: request.ReferenceID, ApplicationName: ctx.servers[session.server]?.name }))];
}

export function queryAddress(_ctx: SimContext, session: Session, request: Message): Delivery[] {
  const dn = need(request, 'ThisDN');
  return [reply(session, event('EventAddressInfo', { ReferenceID: request.ReferenceID, ThisDN: dn, AddressType: ADDRESS_TYPE.DN }))];
}

export function queryCall(ctx: SimContext, session: Session, request: Message): Delivery[] {
  const connId = need(request, 'ConnID');
  const call = ctx.state.calls.get(connId);
  if (!call) throw new Refusal('UNKNOWN_CALL', connId);
  return [
    reply(
      session,
      event('EventPartyInfo', { ReferenceID: request.ReferenceID, ConnID: call.ConnID, ThisDN: call.ThisDN, CustomerID: call.CustomerID, UserData: call.UserData }),
    ),
  ];
}
