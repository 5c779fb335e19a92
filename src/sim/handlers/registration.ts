/** RequestRegisterClient, RequestRegisterAddress, RequestUnregisterAddress. */
import type { Message } from '../../codec/types.js';
import { REGISTER_MODE } from '../../registry.js';
import type { SimContext } from '../context.js';
import { reply, type Delivery } from '../delivery.js';
import { event } from '../events.js';
import { restoreConnection } from '../hot-standby.js';
import { Refusal, need } from '../refusal.js';
import type { Session } from '../session.js';

export function registerClient(ctx: SimContext, session: Session, request: Message): Delivery[] {
  if (ctx.password !== undefined && request.ApplicationPassword !== ctx.password) {
    const failures = session.passwordFailed();
    const detail = `application "${request.ApplicationName ?? ''}" not registered`;
    ctx.log(`${session.label} wrong ApplicationPassword (${failures} of ${ctx.limits.maxPasswordFailures} allowed)`);
    throw new Refusal('BAD_PASSWORD', detail, failures >= ctx.limits.maxPasswordFailures ? `${failures} wrong passwords on one connection` : undefined);
  }
  session.markRegistered(request.ApplicationName);
  const role = ctx.state.roleOf(session.server);
  const out = [
    reply(session, event('EventServerConnected', { ReferenceID: request.ReferenceID, ServerRole: role === 'primary' ? 0 : 1, ApplicationName: ctx.servers[session.server]?.name })),
  ];
  // The pair's primary is connected to its backup from the start, so a client joining it learns where the backup is.
  if (role === 'primary' && ctx.servers.b) out.push(restoreConnection(ctx, session.server, [session], 0));
  return out;
}

export function registerAddress(ctx: SimContext, session: Session, request: Message): Delivery[] {
  const dn = need(request, 'ThisDN');
  const mode = request.RegisterMode;
  if (mode !== undefined && !Object.values(REGISTER_MODE).includes(mode as 0)) {
    throw new Refusal('INVALID_ATTRIBUTE', `RegisterMode ${mode} is not one of ${Object.values(REGISTER_MODE).join(', ')}`);
  }
  ctx.state.register(session, dn, ctx.limits);
  return [reply(session, event('EventRegistered', { ReferenceID: request.ReferenceID, ThisDN: dn }))];
}

export function unregisterAddress(ctx: SimContext, session: Session, request: Message): Delivery[] {
  const dn = need(request, 'ThisDN');
  if (!ctx.state.unregister(session, dn)) throw new Refusal('DN_NOT_REGISTERED', dn);
  return [reply(session, event('EventUnregistered', { ReferenceID: request.ReferenceID, ThisDN: dn }))];
}
