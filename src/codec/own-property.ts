/**
 * Property access for names that come from outside (a message's keys, JSON
 * input): only own properties count, and any name is stored as data.
 */

/** An own property's value; undefined when it is absent or only inherited. */
export function own(o: object, key: string): unknown {
  return Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/**
 * Stores `value` as an own property named `key`, whatever the name:
 * `out.__proto__ = v` would set the object's prototype instead, and the
 * inherited properties would then pass for the object's own.
 */
export function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
