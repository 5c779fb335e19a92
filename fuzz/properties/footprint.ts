/**
 * A decoded message's size in a model of memory: UTF-16 units of strings,
 * bytes of binaries, and 8 per attribute, pair or list. The decoder must not
 * build more than a small multiple of its input (a wire pair is at least 3
 * bytes, an attribute at least 3), which this measures without relying on
 * the engine's heap statistics.
 */
import type { KVList, Message } from '../../src/index.js';

const NODE = 8;
/** Allowed footprint per input byte (8 per node over >= 3 bytes per node, plus 1 per string byte). */
export const FOOTPRINT_PER_BYTE = 4;

function valueSize(v: unknown): number {
  if (typeof v === 'string') return v.length + NODE;
  if (v instanceof Uint8Array) return v.length + NODE;
  if (Array.isArray(v)) return listSize(v as KVList);
  if (typeof v === 'object' && v !== null) return Object.values(v).reduce((n: number, x) => n + valueSize(x), NODE);
  return NODE;
}

function listSize(list: KVList): number {
  let n = NODE;
  for (const pair of list) n += NODE + (Array.isArray(pair) ? valueSize(pair[0]) + valueSize(pair[1]) : valueSize(pair));
  return n;
}

export function footprint(message: Message): number {
  return valueSize(message);
}
