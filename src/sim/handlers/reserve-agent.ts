/**
 * TReserveAgent(): EventAgentReserved "to the application that sent the
 * request and to all clients registered on the agent's DN", confirming
 * "those of the parameters agent_dn, agent_id, and agent_place that were
 * present in the request"; Timeout is "in milliseconds".
 */
import type { Attributes, Message } from '../../codec/types.js';
import type { SimContext } from '../context.js';
import { fanout, reply, type Delivery } from '../delivery.js';
import { event } from '../events.js';
import { Refusal } from '../refusal.js';
import type { Session } from '../session.js';

export function reserveAgent(ctx: SimContext, session: Session, request: Message): Delivery[] {
  const { AgentID, Place, ThisDN, Timeout, Reasons, Extensions } = request;
  if (AgentID === undefined && Place === undefined && ThisDN === undefined) {
    throw new Refusal('MISSING_ATTRIBUTE', 'RequestReserveAgent needs at least one of AgentID, Place, ThisDN');
  }
  const body = (): Attributes => ({ AgentID, Place, ThisDN, Timeout, Reasons, Extensions });
  const registered = ThisDN === undefined ? [] : ctx.state.registeredOn(session.server, ThisDN);
  return [reply(session, event('EventAgentReserved', { ...body(), ReferenceID: request.ReferenceID })), fanout(registered, event('EventAgentReserved', body()), session)];
}
