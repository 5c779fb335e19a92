/**
 * The decode cost model: what one decoded message holds, in estimated heap
 * bytes, charged per object decode() allocates. decode() refuses a frame
 * whose cost exceeds COST_ALLOWANCE + limits.maxCostPerByte x its length
 * (LIMIT_EXCEEDED), and encode() refuses to write one, so the memory and the
 * work (both proportional to the objects built) per input byte are bounded.
 *
 * The charges are V8's sizes on Node 20 x64, measured by allocating 200,000
 * of each and reading heapUsed (each includes the 8-byte slot that refers
 * to it). Strings and the bytes of binaries are not charged: a string holds
 * at most one byte per input byte plus a 16-byte header, interned short
 * strings hold nothing new, so they add at most ~8 per byte on top (see
 * spec/wire-format.md, "Decode cost").
 */

/** A key-value pair: the [key, value] array and its slot in the list. */
export const PAIR_COST = 40;
/** A key-value list's own array (its slots are in PAIR_COST). */
export const LIST_COST = 32;
/** A Uint8Array with its own ArrayBuffer, whatever its length (192 bytes at length 0). */
export const BINARY_COST = 192;
/** An unknown attribute's { tag, kind, value } object and its slot. */
export const UNKNOWN_COST = 56;
/** An attribute's property slot on the message object. */
export const ATTRIBUTE_COST = 16;
/** Cost every frame may have, whatever its length: small frames are never refused for cost. */
const COST_ALLOWANCE = 64 * 1024;

/** The most a frame of `frameBytes` (prefix included) may cost. */
export function costBudget(frameBytes: number, maxCostPerByte: number): number {
  return COST_ALLOWANCE + maxCostPerByte * frameBytes;
}
