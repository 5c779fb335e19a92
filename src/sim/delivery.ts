/**
 * What a handler returns: the messages to write and to whom, in the order
 * they leave. Handlers change the pair's state and say what to send; only
 * src/sim/dispatch.ts writes to sockets, after the defect pipeline (when one
 * is switched on) has had its say.
 */
import type { Message } from '../codec/types.js';
import type { SimContext } from './context.js';
import type { ServerId } from './pair-state.js';
import type { Session } from './session.js';

export interface Delivery {
  /** reply: to the client whose request this answers; fanout: to other clients the event concerns. */
  readonly audience: 'reply' | 'fanout';
  to: readonly Session[];
  message: Message;
  /**
   * Written this many milliseconds later (by the simulator's scheduler);
   * whatever is sent to the same clients meanwhile waits behind it, so each
   * connection keeps its order.
   */
  afterMs?: number;
}

/** What the deliveries answer: a request from a client, or an action of the control side. */
export interface Occasion {
  readonly ctx: SimContext;
  /** The server the deliveries leave from. */
  readonly server: ServerId;
  readonly request?: Message;
  /** The client that sent `request`. */
  readonly sender?: Session;
  readonly action?: 'switchover' | 'backup-connected' | 'switch-fault';
}

/** A change to what is sent (src/sim/defects/): it returns the deliveries that go out instead. */
export type Mutator = (deliveries: Delivery[], at: Occasion) => Delivery[];

export const reply = (to: Session, message: Message): Delivery => ({ audience: 'reply', to: [to], message });

export function fanout(to: Iterable<Session>, message: Message, except?: Session): Delivery {
  const list: Session[] = [];
  for (const s of to) if (s !== except) list.push(s);
  return { audience: 'fanout', to: list, message };
}
