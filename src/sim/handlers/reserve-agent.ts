/**
 * TReserveAgent(): EventAgentReserved to the requester and the clients
 * registered on the agent's DN (EventAgentReserved.description.1), echoing
 * the parameters the request had (.description.0, .note.a.1); Timeout in
 * milliseconds (.note.b.0).
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
  // EventAgentReserved is a positive response (EventAgentReserved.description.0): an agent the switch lacks was not reserved.
  if (AgentID !== undefined && ctx.unknownAgents.has(AgentID)) throw new Refusal('UNKNOWN_AGENT', `no agent ${AgentID} on this switch`);
  const body = (): Attributes => ({ AgentID, Place, ThisDN, Timeout, Reasons, Extensions });
  const registered = ThisDN === undefined ? [] : ctx.state.registeredOn(session.server, ThisDN);
  return [reply(session, event('EventAgentReserved', { ...body(), ReferenceID: request.ReferenceID })), fanout(registered, event('EventAgentReserved', body()), session)];
}
