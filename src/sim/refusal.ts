/**
 * A request the simulator declines. Handlers throw it; the dispatcher turns
 * it into EventError carrying the request's ReferenceID.
 */
import type { Attributes, Message } from '../codec/types.js';
import type { SimErrorName } from './error-codes.js';

export class Refusal extends Error {
  constructor(
    readonly kind: SimErrorName,
    readonly detail: string,
    /** When set, the connection is closed after the EventError, and this says why in the log. */
    readonly closeBecause?: string,
  ) {
    super(detail);
  }
}

/** The attribute's value, or a Refusal naming it. */
export function need<K extends keyof Attributes>(request: Message, name: K): NonNullable<Attributes[K]> {
  const value = (request as Attributes)[name];
  if (value === undefined || value === null) {
    throw new Refusal('MISSING_ATTRIBUTE', `${request.Event} needs ${String(name)}`);
  }
  return value as NonNullable<Attributes[K]>;
}
