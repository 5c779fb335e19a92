/**
 * Delivery of one event to many clients: encoded once, the same bytes
 * written to every recipient (the fan-out path the load test measures).
 */
import type { Message } from '../index.js';
import { encodeEvent } from './events.js';
import type { Session } from './session.js';

export function deliver(recipients: Iterable<Session>, message: Message, except?: Session): void {
  let bytes: Uint8Array | undefined;
  for (const s of recipients) {
    if (s === except) continue;
    bytes ??= encodeEvent(message);
    s.send(bytes);
  }
}
