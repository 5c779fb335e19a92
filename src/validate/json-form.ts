/**
 * Brings either message form to the JSON form the schemas describe. Unlike
 * codec toJSON(), it is idempotent, so callers can pass either form.
 */
import { bytesToHex } from '../codec/json.js';
import { setOwn } from '../codec/own-property.js';

export function toJsonForm(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return { $hex: bytesToHex(value) };
  if (Array.isArray(value)) return value.map(toJsonForm);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) setOwn(out, k, toJsonForm(v));
    return out;
  }
  return value;
}
