/**
 * The two integer forms of the wire written in place (spec/wire-format.md):
 * a 32-bit big-endian word and a base-128 varint, low group first. Shared by
 * BinaryWriter and the fast encode pass so the bytes are spelled once; the
 * caller has reserved room for them.
 */

/** `v` as a 32-bit big-endian word at `p`. */
export function putInt32(buf: Uint8Array, p: number, v: number): void {
  buf[p] = v >>> 24;
  buf[p + 1] = v >>> 16;
  buf[p + 2] = v >>> 8;
  buf[p + 3] = v;
}

/** `v` (a non-negative integer) as a varint at `p`; returns the position after it. */
export function putVarint(buf: Uint8Array, p: number, v: number): number {
  while (v > 0x7f) {
    buf[p++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  buf[p] = v;
  return p + 1;
}
