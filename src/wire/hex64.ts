/**
 * A 64-bit value as T-Library shows a ConnID: 16 lowercase hex digits.
 * One fixed-arity fromCharCode makes a flat string at once; joining eight
 * two-digit strings with + made a rope that every later read had to
 * flatten (twice the cost, measured).
 */

/** Char codes of the hex digits 0-9a-f. */
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** Bytes [p, p + 8) of `buf` as 16 hex digits. The caller has checked that the 8 bytes are there. */
export function hex64At(buf: Uint8Array, p: number): string {
  const x0 = buf[p]!, x1 = buf[p + 1]!, x2 = buf[p + 2]!, x3 = buf[p + 3]!;
  const x4 = buf[p + 4]!, x5 = buf[p + 5]!, x6 = buf[p + 6]!, x7 = buf[p + 7]!;
  const H = HEX_CODES;
  return String.fromCharCode(
    H[x0 >> 4]!, H[x0 & 15]!, H[x1 >> 4]!, H[x1 & 15]!, H[x2 >> 4]!, H[x2 & 15]!, H[x3 >> 4]!, H[x3 & 15]!,
    H[x4 >> 4]!, H[x4 & 15]!, H[x5 >> 4]!, H[x5 & 15]!, H[x6 >> 4]!, H[x6 & 15]!, H[x7 >> 4]!, H[x7 & 15]!,
  );
}
