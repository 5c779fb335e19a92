/**
 * TQueryLocation(), TQueryAddress(), TQueryCall(): what a client calls to
 * "re-synchronize with the new primary T-Server" after EventPrimaryChanged.
 * The backup answers them too.
 */
import { ADDRESS_TYPE, type Message } from '../../index.js';
import type { SimContext } from '../context.js';
import { event } from '../events.js';
import { Refusal, need } from '../refusal.js';
import type { Session } from '../session.js';

export function queryLocation(ctx: SimContext, session: Session, request: Message): void {
  if (ctx.defects.has('resync-query-location-fails') && ctx.state.switchovers > 0) {
    throw new Refusal('UNSUPPORTED_REQUEST', 'location unavailable after switchover');
  }
  session.sendMessage(
    event('EventLocationInfo', { ReferenceID: request.ReferenceID, ApplicationName: ctx.servers[session.server]?.name }),
  );
}

export function queryAddress(_ctx: SimContext, session: Session, request: Message): void {
  const dn = need(request, 'ThisDN');
  session.sendMessage(event('EventAddressInfo', { ReferenceID: request.ReferenceID, ThisDN: dn, AddressType: ADDRESS_TYPE.DN }));
}

export function queryCall(ctx: SimContext, session: Session, request: Message): void {
  const connId = need(request, 'ConnID');
  const call = ctx.state.calls.get(connId);
  if (!call) throw new Refusal('UNKNOWN_CALL', connId);
  session.sendMessage(
    event('EventPartyInfo', {
      ReferenceID: request.ReferenceID,
      ConnID: call.ConnID,
      ThisDN: call.ThisDN,
      CustomerID: call.CustomerID,
      UserData: call.UserData,
    }),
  );
}
