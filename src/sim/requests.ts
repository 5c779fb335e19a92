/**
 * Which handler serves which request, and the checks every request passes
 * first: a registered client, a request (not an event), and on the backup
 * only registration and queries.
 */
import type { Message } from '../codec/types.js';
import { messageByName, type ANSWERS } from '../registry.js';
import type { SimContext } from './context.js';
import { reply, type Delivery } from './delivery.js';
import { errorEvent } from './events.js';
import { distributeEvent, distributeUserEvent, privateService, setInputMask, transactionMonitoring } from './handlers/acknowledged.js';
import { setCallInfo } from './handlers/call-info.js';
import { queryAddress, queryCall, queryLocation } from './handlers/queries.js';
import { registerAddress, registerClient, unregisterAddress } from './handlers/registration.js';
import { reserveAgent } from './handlers/reserve-agent.js';
import { Refusal } from './refusal.js';
import type { Session } from './session.js';

/** Changes the pair's state and says what to send; never writes to a socket itself. */
type Handler = (ctx: SimContext, session: Session, request: Message) => Delivery[];

interface Route {
  handler: Handler;
  /** Served by the backup as well as the primary. */
  onBackup?: true;
}

/** One handler per request the registry knows the answers to (src/registry.ts ANSWERS); test/sim/answers.test.ts holds each to them. */
const ROUTES: Readonly<Record<keyof typeof ANSWERS, Route>> = {
  RequestRegisterClient: { handler: registerClient, onBackup: true },
  RequestRegisterAddress: { handler: registerAddress, onBackup: true },
  RequestUnregisterAddress: { handler: unregisterAddress, onBackup: true },
  RequestQueryLocation: { handler: queryLocation, onBackup: true },
  RequestQueryAddress: { handler: queryAddress, onBackup: true },
  RequestQueryCall: { handler: queryCall, onBackup: true },
  RequestSetInputMask: { handler: setInputMask },
  RequestDistributeUserEvent: { handler: distributeUserEvent },
  RequestDistributeEvent: { handler: distributeEvent },
  RequestTransactionMonitoring: { handler: transactionMonitoring },
  RequestPrivateService: { handler: privateService },
  RequestReserveAgent: { handler: reserveAgent },
  RequestSetCallInfo: { handler: setCallInfo },
};

export function handleRequest(ctx: SimContext, session: Session, request: Message): void {
  const at = { ctx, server: session.server, request, sender: session };
  let deliveries: Delivery[];
  try {
    deliveries = route(request, session, ctx).handler(ctx, session, request);
  } catch (e) {
    if (e instanceof Refusal && e.closeBecause !== undefined) {
      session.refuse(e.kind, `${e.detail}; ${e.closeBecause}`, request.ReferenceID);
      return;
    }
    if (!(e instanceof Refusal)) ctx.log(`${session.label} failed on ${request.Event}: ${e instanceof Error ? e.message : String(e)}`);
    deliveries = [reply(session, e instanceof Refusal ? errorEvent(e.kind, e.detail, request.ReferenceID) : errorEvent('INTERNAL', request.Event, request.ReferenceID))];
  }
  ctx.dispatcher.dispatch(deliveries, at);
}

function route(request: Message, session: Session, ctx: SimContext): Route {
  if (request.Event === 'Unknown') {
    throw new Refusal('UNKNOWN_MESSAGE_TYPE', `message type ${request.MessageType}`);
  }
  if (messageByName(request.Event)?.category !== 'request') throw new Refusal('NOT_A_REQUEST', request.Event);
  const found = Object.hasOwn(ROUTES, request.Event) ? ROUTES[request.Event as keyof typeof ROUTES] : undefined;
  if (!found) throw new Refusal('UNSUPPORTED_REQUEST', request.Event);
  if (!session.registered && request.Event !== 'RequestRegisterClient') throw new Refusal('NOT_REGISTERED', request.Event);
  if (!found.onBackup && ctx.state.roleOf(session.server) === 'backup') throw new Refusal('NOT_PRIMARY', request.Event);
  return found;
}
