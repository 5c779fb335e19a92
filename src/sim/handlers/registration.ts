/** RequestRegisterClient, RequestRegisterAddress, RequestUnregisterAddress. */
import { REGISTER_MODE, type Message } from '../../index.js';
import type { SimContext } from '../context.js';
import { event } from '../events.js';
import { sendRestoreConnection } from '../hot-standby.js';
import { Refusal, need } from '../refusal.js';
import type { Session } from '../session.js';

export function registerClient(ctx: SimContext, session: Session, request: Message): void {
  if (ctx.password !== undefined && request.ApplicationPassword !== ctx.password) {
    throw new Refusal('BAD_PASSWORD', `application "${request.ApplicationName ?? ''}" not registered`);
  }
  session.markRegistered(request.ApplicationName);
  const role = ctx.state.roleOf(session.server);
  session.sendMessage(
    event('EventServerConnected', {
      ReferenceID: request.ReferenceID,
      ServerRole: role === 'primary' ? 0 : 1,
      ApplicationName: ctx.servers[session.server]?.name,
    }),
  );
  // The pair's primary is connected to its backup from the start, so a client joining it learns where the backup is.
  if (role === 'primary' && ctx.servers.b) sendRestoreConnection(ctx, session.server, [session], 0);
}

export function registerAddress(ctx: SimContext, session: Session, request: Message): void {
  const dn = need(request, 'ThisDN');
  const mode = request.RegisterMode;
  if (mode !== undefined && !Object.values(REGISTER_MODE).includes(mode as 0)) {
    throw new Refusal('INVALID_ATTRIBUTE', `RegisterMode ${mode} is not one of ${Object.values(REGISTER_MODE).join(', ')}`);
  }
  ctx.state.register(session, dn);
  session.sendMessage(event('EventRegistered', { ReferenceID: request.ReferenceID, ThisDN: dn }));
  if (ctx.defects.has('obsolete-event')) {
    session.sendMessage(event('EventResourceAllocated', { ThisDN: dn }));
  }
}

export function unregisterAddress(ctx: SimContext, session: Session, request: Message): void {
  const dn = need(request, 'ThisDN');
  if (!ctx.state.unregister(session, dn)) throw new Refusal('DN_NOT_REGISTERED', dn);
  session.sendMessage(event('EventUnregistered', { ReferenceID: request.ReferenceID, ThisDN: dn }));
}
