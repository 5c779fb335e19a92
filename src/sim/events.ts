/**
 * Building and encoding the simulator's events. Every event carries `time`
 * (the reference lists it Mandatory in every special event) unless a defect
 * removes it on purpose.
 */
import { encode } from '../codec/encode.js';
import { messageByName } from '../registry.js';
import type { Attributes, Message } from '../codec/types.js';
import type { MessageName } from '../registry.js';
import { now } from './clock.js';
import { SIM_ERROR, type SimErrorName } from './error-codes.js';

/** An event with `time`; attributes given as undefined are left out (requests' optional attributes pass straight through). */
export function event(name: MessageName, attrs: Attributes = {}): Message {
  const message: Record<string, unknown> = { Event: name };
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) message[key] = value;
  message.time = now();
  return message as unknown as Message;
}

/** EventError with the simulator's code, a reason a person can act on, and the request's ReferenceID. */
export function errorEvent(kind: SimErrorName, detail: string | undefined, referenceId: number | undefined): Message {
  const { code, text } = SIM_ERROR[kind];
  const attrs: Attributes = { ErrorCode: code, ErrorMessage: detail ? `${text}: ${detail}` : text };
  if (referenceId !== undefined) attrs.ReferenceID = referenceId;
  return event('EventError', attrs);
}

/** Obsolete events are encodable here because only the obsolete-event defect builds them. */
export function encodeEvent(message: Message): Uint8Array {
  return encode(message, { allowObsolete: messageByName(message.Event)?.obsolete === true });
}
