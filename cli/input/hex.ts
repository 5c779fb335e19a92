/**
 * Hex as people paste it: whitespace anywhere, `#` comments to the end of a
 * line, an optional `0x` before each run of digits (a C array, Wireshark's
 * "copy as hex stream"). Each byte keeps the line it came from, so an error
 * at byte 70 can say "line 4".
 */
import { InputError } from './errors.js';

interface HexBytes {
  bytes: Uint8Array;
  /** The 1-based text line holding byte `offset` of `bytes`. */
  lineOf(offset: number): number;
}

const HEX_DIGIT = /[0-9a-fA-F]/;
const SEPARATOR = /[\s,]/;

/** The hex digits of one line, or the column of the first character that is none. */
function lineDigits(line: string): { digits: string } | { column: number } {
  let digits = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '#') break;
    if (SEPARATOR.test(c)) continue;
    const prefix = c === '0' && (line[i + 1] === 'x' || line[i + 1] === 'X') && (i === 0 || SEPARATOR.test(line[i - 1]!)) && HEX_DIGIT.test(line[i + 2] ?? '');
    if (prefix) i++;
    else if (HEX_DIGIT.test(c)) digits += c;
    else return { column: i + 1 };
  }
  return { digits };
}

export function parseHex(text: string): HexBytes {
  const lineStarts: Array<{ byte: number; line: number }> = [];
  let digits = '';
  for (const [n, raw] of text.split(/\r?\n/).entries()) {
    const got = lineDigits(raw);
    if ('column' in got) throw new InputError('BAD_HEX', `not hex: ${JSON.stringify(raw[got.column - 1])} at line ${n + 1}, column ${got.column}`);
    if (got.digits.length === 0) continue;
    if (digits.length % 2 === 0) lineStarts.push({ byte: digits.length / 2, line: n + 1 });
    digits += got.digits;
  }
  if (digits.length % 2 !== 0) throw new InputError('BAD_HEX', `not hex: an odd number of hex digits (${digits.length})`);
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return {
    bytes,
    lineOf(offset) {
      let line = lineStarts[0]?.line ?? 1;
      for (const s of lineStarts) {
        if (s.byte > offset) break;
        line = s.line;
      }
      return line;
    },
  };
}
