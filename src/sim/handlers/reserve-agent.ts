/**
 * TReserveAgent(): EventAgentReserved "to the application that sent the
 * request and to all clients registered on the agent's DN", confirming
 * "those of the parameters agent_dn, agent_id, and agent_place that were
 * present in the request"; Timeout is "in milliseconds".
 */
import type { Attributes, Message } from '../../index.js';
import type { SimContext } from '../context.js';
import { deliver } from '../deliver.js';
import { event } from '../events.js';
import { Refusal } from '../refusal.js';
import type { Session } from '../session.js';

export function reserveAgent(ctx: SimContext, session: Session, request: Message): void {
  const { AgentID, Place, ThisDN } = request;
  if (AgentID === undefined && Place === undefined && ThisDN === undefined) {
    throw new Refusal('MISSING_ATTRIBUTE', 'RequestReserveAgent needs at least one of AgentID, Place, ThisDN');
  }
  const body = reservedBody(ctx, request);
  session.sendMessage(event('EventAgentReserved', { ...body, ReferenceID: request.ReferenceID }));
  const notified = reservedEvent(body);
  if (ctx.defects.has('reserved-leak')) {
    deliver(ctx.state.clients(session.server), notified, session);
  } else if (ThisDN !== undefined && !ctx.defects.has('reserved-not-to-registered')) {
    deliver(ctx.state.registeredOn(session.server, ThisDN), notified, session);
  }
}

function reservedEvent(body: Attributes): Message {
  return event('EventAgentReserved', body);
}

function reservedBody(ctx: SimContext, request: Message): Attributes {
  const { defects } = ctx;
  const body: Attributes = {
    AgentID: request.AgentID,
    Place: request.Place,
    ThisDN: request.ThisDN,
    Timeout: request.Timeout,
    Reasons: request.Reasons,
    Extensions: request.Extensions,
  };
  if (defects.has('reserved-no-identity')) {
    delete body.AgentID;
    delete body.Place;
    delete body.ThisDN;
  }
  if (defects.has('reserved-echoes-absent-parameter')) {
    body.Place ??= 'place-of-the-switch';
    body.ThisDN ??= 'dn-of-the-switch';
  }
  if (defects.has('reserved-wrong-echo')) body.AgentID = `${request.AgentID ?? 'agent'}-wrong`;
  if (defects.has('reserved-timeout-seconds') && body.Timeout !== undefined) body.Timeout = Math.round(body.Timeout / 1000);
  return body;
}
