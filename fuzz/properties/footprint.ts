/**
 * A decoded message's size in a model of V8's heap (Node 20 x64), counting
 * every object decode() allocates at its real size, measured by allocating
 * 200,000 of each and reading heapUsed: a [key, value] pair and its slot 40,
 * a list 32, a Uint8Array 192 plus its bytes, an unknown attribute's object
 * 56, a string 16 plus one byte per Latin-1 unit (two per other unit), a
 * bigint 24, a number outside the small-integer range 16. Strings are
 * counted as if none were interned, so the model is an upper bound.
 *
 * The previous model counted a Uint8Array as one 8-byte slot, so a frame of
 * 65,536 empty binaries (16.7 MB decoded from 196 KB) passed as 8x its size.
 *
 * The bound: decode charges pairs, lists, binaries, unknown attributes and
 * attribute slots against COST_ALLOWANCE + maxCostPerByte (16) x the frame
 * length (src/codec/cost.ts); strings are not charged, and add at most their
 * 16-byte header per string (each has a length byte: <= 16 per input byte)
 * plus 2 per byte. So FOOTPRINT_BASE + FOOTPRINT_PER_BYTE x length, with
 * FOOTPRINT_PER_BYTE = 16 + 16 + 2. The engine's heap statistics are not
 * used: they are too noisy for one message.
 */
import type { KVList, KVValue, Message, UnknownAttribute } from '../../src/codec/types.js';

/** The documented bound (spec/wire-format.md, "Decode cost"), written here, not read from the code it checks. */
const COST_PER_BYTE = 16;
const COST_ALLOWANCE = 64 * 1024;

const SLOT = 8;
const PAIR = 40;
const LIST = 32;
const BINARY = 192;
const UNKNOWN = 56;
const STRING = 16;
const BIGINT = 24;
const HEAP_NUMBER = 16;
const OBJECT = 64;

/** Allowed footprint per input byte (see above). */
export const FOOTPRINT_PER_BYTE = COST_PER_BYTE + STRING + 2;
/** The message object, its Event slot and the cost allowance, whatever the frame. */
export const FOOTPRINT_BASE = OBJECT + COST_ALLOWANCE;

function stringSize(s: string): number {
  // eslint-disable-next-line no-control-regex
  return STRING + (/^[\u0000-\u00ff]*$/.test(s) ? s.length : 2 * s.length);
}

function valueSize(v: unknown): number {
  if (typeof v === 'string') return stringSize(v);
  if (v instanceof Uint8Array) return BINARY + v.length;
  if (typeof v === 'bigint') return BIGINT;
  if (typeof v === 'number') return v >= -(2 ** 30) && v < 2 ** 30 ? 0 : HEAP_NUMBER;
  if (Array.isArray(v)) return listSize(v as KVList);
  if (typeof v === 'object' && v !== null) return Object.values(v).reduce((n: number, x) => n + SLOT + valueSize(x), OBJECT);
  return 0;
}

function listSize(list: KVList): number {
  let n = LIST;
  for (const [key, value] of list) n += PAIR + valueSize(key) + valueSize(value as KVValue);
  return n;
}

function unknownSize(attrs: UnknownAttribute[]): number {
  // The kind is a shared constant string.
  return attrs.reduce((n, a) => n + UNKNOWN + valueSize(a.tag) + valueSize(a.value), LIST);
}

export function footprint(message: Message): number {
  let n = OBJECT;
  for (const [key, value] of Object.entries(message)) {
    n += SLOT;
    if (key === 'Event') continue;
    if (key === 'Unknown') n += unknownSize(value as UnknownAttribute[]);
    else n += valueSize(value);
  }
  return n;
}
