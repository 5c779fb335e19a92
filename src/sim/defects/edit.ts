/** Small edits the defects make to deliveries. */
import type { Attributes, Message } from '../../codec/types.js';
import { event as makeEvent } from '../events.js';
import type { MessageName } from '../../registry.js';
import type { Delivery, Mutator } from '../delivery.js';
import type { Session } from '../session.js';

/** Applies `change` to the message of every delivery of `event` (optionally of one audience). */
export function editEach(deliveries: Delivery[], event: MessageName, change: (m: Message & Attributes) => void, audience?: Delivery['audience']): Delivery[] {
  for (const d of deliveries) if (d.message.Event === event && (audience === undefined || d.audience === audience)) change(d.message as Message & Attributes);
  return deliveries;
}

/** The mutator that applies `change` to the message of every delivery of `event`. */
export function editing(event: MessageName, change: (m: Message & Attributes) => void): Mutator {
  return (ds) => editEach(ds, event, change);
}

/** The deliveries without those `drop` selects. */
export function without(deliveries: Delivery[], drop: (d: Delivery) => boolean): Delivery[] {
  return deliveries.filter((d) => !drop(d));
}

/** Every registered client of the sending server but the requester and those given. */
export function bystanders(all: Iterable<Session>, sender: Session | undefined, entitled: readonly Session[]): Session[] {
  const skip = new Set(entitled);
  return [...all].filter((s) => s !== sender && !skip.has(s));
}

/** The leak defects: `event`'s fan-out goes to every registered client of the server but the requester. */
export function fanOutToAll(event: MessageName): Mutator {
  return (ds, at) => {
    for (const d of ds) if (d.message.Event === event && d.audience === 'fanout') d.to = bystanders(at.ctx.state.clients(at.server), at.sender, []);
    return ds;
  };
}

/**
 * Answers a refused request as if it were accepted: the EventError with `code` that answers a `request`
 * becomes `event`, carrying the request's `echo` attributes (a defect that confirms what did not happen).
 */
export function acceptRefused(request: MessageName, code: number, event: MessageName, echo: readonly (keyof Attributes)[]): Mutator {
  return (ds, at) => {
    for (const d of ds) {
      if (at.request?.Event !== request || d.message.Event !== 'EventError' || d.message.ErrorCode !== code) continue;
      const from: Attributes = at.request;
      d.message = makeEvent(event, Object.fromEntries([...echo, 'ReferenceID' as const].map((k) => [k, from[k]])));
    }
    return ds;
  };
}
