/**
 * A decoded message's size in a model of memory, counting what decode()
 * allocates: NODE per object, array, pair, number or string slot, plus the
 * UTF-16 units of strings and the bytes of binaries. Names that decode()
 * takes from the registry (the Event name, an unknown attribute's kind) are
 * shared constants, not allocations, so they count as a slot only.
 *
 * The bound follows from the smallest wire nodes, each 3 bytes and 3 slots
 * (24): a key-value pair of two empty strings (key, kind, length 0), a pair
 * holding an empty list (key, kind, count 0), an unknown attribute with an
 * empty string (tag, kind, length 0: object, tag, value). Every other byte
 * adds at most 1 (a string unit) or less. So a frame of n bytes costs at
 * most 8n plus a constant for the message object: anything above that means
 * the decoder built more than the bytes it was given (e.g. from a length it
 * was told but did not receive). Numbers (tags, integers) count a slot each. The engine's heap statistics are not used:
 * they are too noisy for one message.
 */
import type { KVList, KVValue, Message, UnknownAttribute } from '../../src/index.js';

const NODE = 8;
/** Allowed footprint per input byte: NODE * 3 slots over 3 bytes (see above). */
export const FOOTPRINT_PER_BYTE = 8;
/** The message object and its Event slot, whatever the frame. */
export const FOOTPRINT_BASE = 64;

function valueSize(v: KVValue | bigint | UnknownAttribute[] | object): number {
  if (typeof v === 'string') return NODE + v.length;
  if (v instanceof Uint8Array) return NODE + v.length;
  if (Array.isArray(v)) return listSize(v as KVList);
  if (typeof v === 'object' && v !== null) return Object.values(v).reduce((n: number, x) => n + valueSize(x as KVValue), NODE);
  return NODE;
}

function listSize(list: KVList): number {
  let n = NODE;
  for (const [key, value] of list) n += NODE + valueSize(key) + valueSize(value);
  return n;
}

function unknownSize(attrs: UnknownAttribute[]): number {
  // The object and its tag; the kind is a shared constant string.
  return attrs.reduce((n, a) => n + NODE * 2 + valueSize(a.value), NODE);
}

export function footprint(message: Message): number {
  let n = NODE;
  for (const [key, value] of Object.entries(message)) {
    if (key === 'Event') n += NODE;
    else if (key === 'Unknown') n += unknownSize(value as UnknownAttribute[]);
    else n += valueSize(value as KVValue);
  }
  return n;
}
