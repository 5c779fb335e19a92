/**
 * Mutants of the valid golden vectors, for the differential fuzz. Mutant `index`
 * of run `seed` depends on nothing else, so any one replays alone
 * (`npm run diff-fuzz -- --seed S --replay I`).
 */
import { caseRandom } from './prng.js';
import type { Limits } from './python-codec.js';

export interface Mutant { index: number; hex: string; limits?: Limits; ops: string[] }

/** Bytes a decoder treats specially: kinds, varint edges, sign bits, lengths. */
const INTERESTING = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0f, 0x10, 0x56, 0x57, 0x7f, 0x80, 0x81, 0xc0, 0xed, 0xf4, 0xff];

/** Well-formed and ill-formed UTF-8 (RFC 3629 and spec 5.2): surrogates, overlongs, above U+10FFFF, cut, stray. */
const UTF8: number[][] = [
  [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0x9f, 0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xc2, 0x80], [0xe0, 0x80, 0xaf],
  [0xe0, 0xa0, 0x80], [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80], [0xe2, 0x82, 0xac], [0xe2, 0x82], [0x80], [0xbf], [0xfe], [0xef, 0xbb, 0xbf], [0x00],
];

type Op = (b: number[], r: () => number, pick: (n: number) => number, other: () => number[]) => string;

const OPS: Op[] = [
  function bitFlip(b, _r, pick) {
    if (b.length === 0) return 'bit-flip(none)';
    const i = pick(b.length), bit = pick(8);
    b[i]! ^= 1 << bit;
    return `bit-flip(${i}.${bit})`;
  },
  function setByte(b, _r, pick) {
    if (b.length === 0) return 'set(none)';
    const i = pick(b.length), v = INTERESTING[pick(INTERESTING.length)]!;
    b[i] = v;
    return `set(${i}=${v})`;
  },
  function insertByte(b, r, pick) {
    const i = pick(b.length + 1), v = r() < 0.5 ? INTERESTING[pick(INTERESTING.length)]! : pick(256);
    b.splice(i, 0, v);
    return `insert(${i}=${v})`;
  },
  function deleteBytes(b, _r, pick) {
    if (b.length === 0) return 'delete(none)';
    const i = pick(b.length), n = 1 + pick(Math.min(4, b.length - i));
    b.splice(i, n);
    return `delete(${i}+${n})`;
  },
  function truncate(b, _r, pick) {
    const n = pick(b.length + 1);
    b.length = n;
    return `truncate(${n})`;
  },
  function lengthField(b, r, pick) {
    // a length, count or tag byte set near its bounds: the byte at i read as a small number
    if (b.length <= 4) return 'length(none)';
    const i = 4 + pick(b.length - 4), delta = r() < 0.5 ? pick(5) - 2 : pick(40);
    b[i] = r() < 0.5 ? (b[i]! + delta) & 0xff : delta & 0xff;
    return `length(${i}=${b[i]})`;
  },
  function prefixEdit(b, _r, pick) {
    if (b.length < 4) return 'prefix(none)';
    const n = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    const v = [n - 1, n + 1, n - pick(8), n + pick(8), 0, 0x100001, 0xffffffff][pick(7)]! >>> 0;
    b.splice(0, 4, v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
    return `prefix(${v})`;
  },
  function splice(b, _r, pick, other) {
    // a piece of another vector's body put into this one: attributes of other types, repeats, half values
    const o = other().slice(4);
    const from = pick(o.length + 1), to = from + pick(o.length - from + 1);
    const at = 4 + pick(Math.max(b.length - 3, 1));
    const cut = pick(Math.min(6, Math.max(b.length - at, 0)) + 1);
    b.splice(at, cut, ...o.slice(from, to));
    return `splice(${at}-${cut}+${to - from})`;
  },
  function utf8Overwrite(b, _r, pick) {
    // bytes overwritten in place, lengths kept: inside a string they test its UTF-8 rules
    const seq = UTF8[pick(UTF8.length)]!;
    if (b.length < 5 + seq.length) return 'utf8(none)';
    const i = 4 + pick(b.length - 4 - seq.length + 1);
    b.splice(i, seq.length, ...seq);
    return `utf8(${i}=${Buffer.from(seq).toString('hex')})`;
  },
  function repeat(b, _r, pick) {
    // an attribute-sized range written twice: duplicates, extra pairs, longer bodies
    if (b.length <= 5) return 'repeat(none)';
    const i = 4 + pick(b.length - 4), n = 1 + pick(Math.min(24, b.length - i));
    b.splice(i + n, 0, ...b.slice(i, i + n));
    return `repeat(${i}+${n})`;
  },
];

/** Small limits now and then, so that every limit rule is reached by ordinary frames. */
function smallLimits(pick: (n: number) => number): Limits {
  const all: Limits = {
    maxDepth: 1 + pick(4),
    maxAttributes: 1 + pick(8),
    maxPairs: 1 + pick(12),
    maxStringBytes: 1 + pick(16),
    maxCostPerByte: 1 + pick(2),
    maxFrameBytes: 2 + pick(80),
  };
  const out: Limits = {};
  for (const [k, v] of Object.entries(all)) if (pick(3) === 0) out[k as keyof Limits] = v;
  return out;
}

export function mutant(seed: number, index: number, corpus: readonly string[]): Mutant {
  const { r, pick } = caseRandom(seed, index, 0);
  const bytesOf = (hex: string): number[] => Array.from(Buffer.from(hex, 'hex'));
  const other = (): number[] => bytesOf(corpus[pick(corpus.length)]!);
  const b = bytesOf(corpus[pick(corpus.length)]!);
  const ops: string[] = [];
  const n = 1 + pick(3);
  for (let k = 0; k < n; k++) ops.push(OPS[pick(OPS.length)]!(b, r, pick, other));
  // most mutants keep a consistent prefix so that the body's rules, not framing, decide them
  if (b.length >= 4 && r() < 0.8 && !ops.some((o) => o.startsWith('prefix(') || o.startsWith('truncate('))) {
    const len = b.length - 4;
    b.splice(0, 4, len >>> 24, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff);
    ops.push('fix-prefix');
  }
  const m: Mutant = { index, hex: Buffer.from(b).toString('hex'), ops };
  if (r() < 0.1) m.limits = smallLimits(pick);
  return m;
}
