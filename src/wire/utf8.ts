/**
 * UTF-8 by hand for short strings. TextEncoder/TextDecoder cost a native call
 * each (hundreds of nanoseconds), which dominates for the short keys and DN
 * names that fill T-Library messages; past SHORT_STRING they win, so they
 * take over there.
 */

/** Strings up to this many UTF-16 units (encode) or bytes (decode) take the hand-written path. */
export const SHORT_STRING = 64;

const encoder = new TextEncoder();
const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Writes `str` as UTF-8 at `pos`; returns the end position, or -1 when the
 * string holds a lone surrogate (which UTF-8 cannot carry: TextEncoder would
 * silently turn it into U+FFFD and the value would not round-trip).
 * The caller guarantees room for 3 bytes per UTF-16 unit.
 */
export function writeUtf8(buf: Uint8Array, pos: number, str: string): number {
  const len = str.length;
  if (len > SHORT_STRING) {
    if (!str.isWellFormed()) return -1;
    return pos + encoder.encodeInto(str, buf.subarray(pos)).written;
  }
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      buf[pos++] = c;
    } else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else {
      const lo = i + 1 < len ? str.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || lo < 0xdc00 || lo > 0xdfff) return -1;
      i++;
      c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
      buf[pos++] = 0xf0 | (c >> 18);
      buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    }
  }
  return pos;
}

/** Reused scratch for code units; short strings never need more than SHORT_STRING units. */
const units: number[] = [];

/**
 * Decodes bytes [start, end) as UTF-8, or returns undefined when they are not
 * well-formed (overlong forms, surrogates, truncated sequences, > U+10FFFF).
 */
export function readUtf8(buf: Uint8Array, start: number, end: number): string | undefined {
  if (end - start > SHORT_STRING) {
    try {
      return fatalDecoder.decode(buf.subarray(start, end));
    } catch {
      return undefined;
    }
  }
  let n = 0;
  let i = start;
  while (i < end) {
    const b0 = buf[i++]!;
    if (b0 < 0x80) {
      units[n++] = b0;
      continue;
    }
    let cp: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      if (i >= end) return undefined;
      const b1 = buf[i++]!;
      if ((b1 & 0xc0) !== 0x80) return undefined;
      cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      if (i + 1 >= end) return undefined;
      const b1 = buf[i++]!;
      const b2 = buf[i++]!;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return undefined;
      if (b0 === 0xe0 && b1 < 0xa0) return undefined; // overlong
      if (b0 === 0xed && b1 >= 0xa0) return undefined; // surrogate
      cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      if (i + 2 >= end) return undefined;
      const b1 = buf[i++]!;
      const b2 = buf[i++]!;
      const b3 = buf[i++]!;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return undefined;
      if (b0 === 0xf0 && b1 < 0x90) return undefined; // overlong
      if (b0 === 0xf4 && b1 >= 0x90) return undefined; // above U+10FFFF
      cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      cp -= 0x10000;
      units[n++] = 0xd800 + (cp >> 10);
      cp = 0xdc00 + (cp & 0x3ff);
    } else {
      return undefined;
    }
    units[n++] = cp;
  }
  units.length = n;
  return String.fromCharCode.apply(null, units);
}
