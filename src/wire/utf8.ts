/**
 * UTF-8 by hand for short strings. TextEncoder/TextDecoder cost a native call
 * each (hundreds of nanoseconds), which dominates for the short keys and DN
 * names that fill T-Library messages; past SHORT_STRING they win, so they
 * take over there.
 */

/** Strings up to this many UTF-16 units (encode) or bytes (decode) take the hand-written path. */
const SHORT_STRING = 64;

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
  // ASCII run first: a loop with one test per char and a store at a fixed
  // base compiles tighter than the general loop below.
  let i = 0;
  for (; i < len; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0x80) break;
    buf[pos + i] = c;
  }
  if (i === len) return pos + len;
  pos += i;
  for (; i < len; i++) {
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

/** Reused scratch for code units of non-ASCII short strings (at most SHORT_STRING units). */
const units: number[] = [];

/**
 * Decodes bytes [start, end) as UTF-8, or returns undefined when they are not
 * well-formed (overlong forms, surrogates, truncated sequences, > U+10FFFF).
 */
export function readUtf8(buf: Uint8Array, start: number, end: number): string | undefined {
  const len = end - start;
  if (len > SHORT_STRING) return decodeNative(buf, start, end);
  let ascii = 0;
  for (let i = start; i < end; i++) ascii |= buf[i]!;
  if (ascii < 0x80) return asciiString(buf, start, len);
  return decodeShortUtf8(buf, start, end);
}

function decodeNative(buf: Uint8Array, start: number, end: number): string | undefined {
  try {
    return fatalDecoder.decode(buf.subarray(start, end));
  } catch {
    return undefined;
  }
}

/**
 * Per-length scratch arrays for ASCII strings of 9..SHORT_STRING bytes: an
 * array of exactly the right length is filled and handed to fromCharCode,
 * so no array is allocated and none is shrunk (setting `length` on a shared
 * scratch array showed up at 12% of decode time in the profile).
 */
const UNITS_BY_LENGTH: number[][] = Array.from({ length: SHORT_STRING + 1 }, (_, n) => new Array<number>(n).fill(0));

/** Bytes known to be ASCII, as a string. The caller guarantees len <= SHORT_STRING. */
function asciiString(b: Uint8Array, s: number, len: number): string {
  // Up to 8 characters a fixed-arity call is about twice as fast as apply():
  // V8 compiles it to a direct builtin call without materialising arguments.
  switch (len) {
    case 0:
      return '';
    case 1:
      return String.fromCharCode(b[s]!);
    case 2:
      return String.fromCharCode(b[s]!, b[s + 1]!);
    case 3:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!);
    case 4:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!);
    case 5:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!);
    case 6:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!);
    case 7:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!);
    case 8:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!);
  }
  if (len > 32) return fatalDecoder.decode(b.subarray(s, s + len)); // past ~32 chars the native call wins
  const u = UNITS_BY_LENGTH[len]!;
  for (let i = 0; i < len; i++) u[i] = b[s + i]!;
  return String.fromCharCode.apply(null, u);
}

/** The validating decoder for short strings that hold non-ASCII bytes. */
function decodeShortUtf8(buf: Uint8Array, start: number, end: number): string | undefined {
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

/** UTF-8 byte length of `str` (a lone surrogate counts 3, as U+FFFD would). */
export function utf8Length(str: string): number {
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Bytes as one string of one char per byte: Node's native latin1 slice where
 * there is one (a single native call per frame), else a windows-1252
 * TextDecoder (also one char per byte, and the same chars below 0x80, the
 * only ones the decoder takes from it).
 */
const nativeLatin1 = (globalThis as { Buffer?: { prototype?: { latin1Slice?: (this: Uint8Array, start: number, end: number) => string } } }).Buffer?.prototype?.latin1Slice;
let latin1Decoder: InstanceType<typeof TextDecoder> | undefined;

/** The path for browsers, Deno and Bun (and Node, in a test). */
export function portableLatin1(buf: Uint8Array, start: number, end: number): string {
  return (latin1Decoder ??= new TextDecoder('windows-1252')).decode(buf.subarray(start, end));
}

export const latin1: (buf: Uint8Array, start: number, end: number) => string = nativeLatin1 ? (buf, start, end) => nativeLatin1.call(buf, start, end) : portableLatin1;
