/**
 * A way to watch the events the library handles itself and never
 * dispatches (EventRestoreConnection). Not part of the public API: the
 * conformance kit uses it to build a library that does dispatch them, and so
 * prove its check of that rule can fail.
 */
import type { Message } from '../codec/types.js';

const taps = new WeakMap<object, (event: Message) => void>();

export function tapInternalEvents(client: object, tap: (event: Message) => void): void {
  taps.set(client, tap);
}

export function internalEventTap(client: object): ((event: Message) => void) | undefined {
  return taps.get(client);
}
