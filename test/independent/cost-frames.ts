/**
 * Frames at the decode cost limit (spec 10.4), for the differential fuzz: mutants
 * of small vectors never come near the 64 KiB allowance, so these are built to
 * cross it at each check point (an unknown attribute, a BINARY's length, a list's
 * count, the end of the body) by a few bytes either way, with
 * maxCostPerByte 1 so that a few kilobytes reach the limit.
 */
import type { Limits } from './python-codec.js';

export interface CostFrame { name: string; hex: string; limits: Limits }

const hex = (bytes: number[]): string => Buffer.from(bytes).toString('hex');
const varint = (v: number): string => {
  const out: number[] = [];
  for (; v >= 0x80; v = Math.floor(v / 128)) out.push((v % 128) | 0x80);
  out.push(v);
  return hex(out);
};
const attr = (tag: number, kind: number, value: string): string => varint(tag) + hex([kind]) + value;
const str = (tag: number, n: number): string => attr(tag, 3, varint(n) + '61'.repeat(n));
const int32 = (tag: number): string => attr(tag, 1, '00000001');
const TIME = int32(86) + int32(87);
const frame = (body: string): string => (body.length / 2).toString(16).padStart(8, '0') + body;

/** A BINARY length at the limit: ordinary, not shortest form, cut, too long for the body, above maxStringBytes. */
const TAILS = ['000400', '00048000', '000480', '00040561', '0004818040'];

export function costFrames(): CostFrame[] {
  const out: CostFrame[] = [];
  const low: Limits = { maxCostPerByte: 1 };
  for (let pad = 0; pad < 16; pad++) {
    for (let m = 285; m <= 288; m++) {
      out.push({ name: `binaries m=${m} pad=${pad}`, limits: low,
        hex: frame('60' + str(20, pad) + attr(51, 5, varint(m) + '000400'.repeat(m))) });
    }
    for (let k = 1007; k <= 1010; k++) {
      out.push({ name: `unknown attributes k=${k} pad=${pad}`, limits: { ...low, maxAttributes: 4096 },
        hex: frame('60' + str(20, pad) + TIME + Array.from({ length: k }, (_, i) => int32(200 + i)).join('')) });
    }
    for (let n = 1767; n <= 1770; n++) {
      out.push({ name: `end of body n=${n} pad=${pad}`, limits: { ...low, maxPairs: 4096 },
        hex: frame('60' + str(0, pad) + attr(51, 5, varint(n) + '000300'.repeat(n)) + str(20, 1) + int32(2) + int32(42) + int32(46) + TIME) });
    }
    for (let m = 948; m <= 952; m++) {
      out.push({ name: `empty lists m=${m} pad=${pad}`, limits: { ...low, maxPairs: 4096 },
        hex: frame('60' + str(20, pad) + attr(53, 5, varint(m) + '000500'.repeat(m))) });
    }
    for (let m = 285; m <= 287; m++) {
      TAILS.forEach((tail, t) => out.push({ name: `binary length at the limit m=${m} pad=${pad} tail=${t}`, limits: { ...low, maxStringBytes: 8192 },
        hex: frame('60' + str(20, pad) + attr(51, 5, varint(m) + '000400'.repeat(m - 1) + tail)) }));
    }
  }
  return out;
}
