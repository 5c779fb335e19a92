/**
 * Differential fuzz: each mutant decoded by the kit and by the independent Python
 * codec; the outcomes (message, or code and offset) and the canonical re-encodings
 * must be the same. Known disagreements, each with the spec sentence that decides
 * it, are read from known-disagreements.json and counted apart, never dropped.
 */
import { readFileSync } from 'node:fs';
import { costFrames, type CostFrame } from './cost-frames.js';
import { encodeCase, type EncodeCase } from './encode-mutants.js';
import { kitDecode, kitEncode, kitStream, type EncodeOutcome, type Outcome } from './kit-outcome.js';
import { mutant, type Mutant } from './mutants.js';
import { runPython, type Limits, type PyDecoded, type PyRequest, type PyStreamed } from './python-codec.js';
import { streamCase, type StreamCase } from './stream-mutants.js';
import { VALID_VECTORS as VALID } from '../codec/vector-files.js';

export const CORPUS: readonly string[] = VALID.map((v) => v.hex);

/** A class of decode disagreements: the right side's failure code, and the kit's offset minus Python's. */
export interface KnownDecodeDisagreement {
  op?: 'decode';
  name: string;
  /** the sentence of spec/wire-format.md that decides it */
  sentence: string;
  note?: string;
  /** who the sentence says is wrong */
  wrong: 'kit' | 'python';
  code: string;
  offsetDelta: number;
  /** a byte before the right side's offset (relative position, value), pinning the construct the class is about */
  byteBefore?: { at: number; value: number };
  /** named regression inputs of the class */
  inputs: { hex: string; kit: { code: string; offset: number }; spec: { code: string; offset: number } }[];
}

/** A class of encode disagreements: the code, Python's path (a pattern) and the kit's path made from it. */
export interface KnownEncodeDisagreement {
  op: 'encode';
  name: string;
  sentence: string;
  note?: string;
  wrong: 'kit' | 'python';
  code: string;
  pythonPath: string;
  kitPath: string;
  /** named regression messages (JSON text) of the class */
  inputs: { message: string; kit: { code: string; path: string }; spec: { code: string; path: string } }[];
}

export type KnownDisagreement = KnownDecodeDisagreement | KnownEncodeDisagreement;

export const KNOWN: KnownDisagreement[] = JSON.parse(
  readFileSync(new URL('./known-disagreements.json', import.meta.url), 'utf8'),
) as KnownDisagreement[];

/** Inputs that once split the two implementations, each with the outcome the spec gives it. */
export interface Regression { name: string; sentence: string; found: string; hex: string; limits?: Limits; expect: { ok: boolean; code?: string; offset?: number } }

export const REGRESSIONS: Regression[] = JSON.parse(
  readFileSync(new URL('./regressions.json', import.meta.url), 'utf8'),
) as Regression[];

export interface Disagreement { mutant: Mutant; kit: Outcome; python: PyDecoded; known?: string }

export interface Tally {
  mutants: number;
  decoded: number;   // both decoded (and compared messages and canonical bytes)
  failed: number;    // both failed with the same code and offset
  codes: Record<string, number>;
  known: Record<string, number>;
  disagreements: Disagreement[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export function agree(kit: Outcome, py: PyDecoded): boolean {
  if (kit.ok !== py.ok) return false;
  if (!kit.ok) return kit.code === py.code && kit.offset === py.offset;
  return same(kit.message, py.message) && same(
    'canonical' in kit ? { canonical: kit.canonical } : { canonicalError: kit.canonicalError },
    py.canonical !== undefined ? { canonical: py.canonical } : { canonicalError: py.canonicalError },
  );
}

/** The known class this disagreement belongs to, if any. */
export function classify(hex: string, kit: Outcome, py: PyDecoded, known: readonly KnownDisagreement[] = KNOWN): string | undefined {
  if (kit.ok || py.ok) return undefined;
  for (const k of known) {
    if (k.op === 'encode') continue;
    const right = k.wrong === 'kit' ? { code: py.code, offset: py.offset! } : { code: kit.code, offset: kit.offset };
    if (kit.code !== k.code || py.code !== k.code || right.code !== k.code) continue;
    if (kit.offset - py.offset! !== k.offsetDelta) continue;
    if (k.byteBefore) {
      const at = right.offset + k.byteBefore.at;
      if (parseInt(hex.slice(2 * at, 2 * at + 2), 16) !== k.byteBefore.value) continue;
    }
    return k.name;
  }
  return undefined;
}

/** Runs mutants [from, from + count) of `seed`, in batches of `batch` per Python process. */
export function runDifferential(seed: number, from: number, count: number, batch = 50_000, progress?: (t: Tally) => void, pyArgs: readonly string[] = []): Tally {
  const t: Tally = { mutants: 0, decoded: 0, failed: 0, codes: {}, known: {}, disagreements: [] };
  for (let start = from; start < from + count; start += batch) {
    const n = Math.min(batch, from + count - start);
    const ms: Mutant[] = [];
    for (let i = 0; i < n; i++) ms.push(mutant(seed, start + i, CORPUS));
    const py = runPython<PyDecoded>(ms.map((m): PyRequest => ({ op: 'decode', hex: m.hex, ...(m.limits ? { limits: m.limits } : {}) })), pyArgs);
    ms.forEach((m, i) => {
      const kit = kitDecode(m.hex, m.limits);
      const p = py[i]!;
      t.mutants++;
      if (agree(kit, p)) {
        if (kit.ok) t.decoded++;
        else { t.failed++; t.codes[kit.code] = (t.codes[kit.code] ?? 0) + 1; }
        return;
      }
      const known = classify(m.hex, kit, p);
      if (known) t.known[known] = (t.known[known] ?? 0) + 1;
      t.disagreements.push({ mutant: m, kit, python: p, ...(known ? { known } : {}) });
    });
    progress?.(t);
  }
  return t;
}

export function describe(seed: number, d: Disagreement): string {
  return [
    `seed ${seed} mutant ${d.mutant.index} (${d.mutant.ops.join(', ')})${d.mutant.limits ? ` limits ${JSON.stringify(d.mutant.limits)}` : ''}${d.known ? ` [known: ${d.known}]` : ''}`,
    `  hex    ${d.mutant.hex}`,
    `  kit    ${JSON.stringify(d.kit)}`,
    `  python ${JSON.stringify(d.python)}`,
    `  replay npm run diff-fuzz -- --seed ${seed} --replay ${d.mutant.index}`,
  ].join('\n');
}

/** The known encode class this disagreement belongs to, if any. */
export function classifyEncode(kit: EncodeOutcome, py: EncodeOutcome, known: readonly KnownDisagreement[] = KNOWN): string | undefined {
  if (kit.ok || py.ok) return undefined;
  for (const k of known) {
    if (k.op !== 'encode' || kit.code !== k.code || py.code !== k.code) continue;
    const pattern = new RegExp(k.pythonPath);
    if (pattern.test(py.path) && kit.path === py.path.replace(pattern, k.kitPath)) return k.name;
  }
  return undefined;
}

export interface EncodeDisagreement { encodeCase: EncodeCase; kit: EncodeOutcome; python: EncodeOutcome; known?: string }

export interface EncodeTally { cases: number; encoded: number; refusedAlike: number; codes: Record<string, number>; known: Record<string, number>; disagreements: EncodeDisagreement[] }

export const MESSAGES: readonly Record<string, unknown>[] = VALID.map((v) => v.message as Record<string, unknown>);

export const encodeRequest = (c: EncodeCase): string => `{"op":"encode","message":${c.json},"options":${JSON.stringify(c.options)}}`;

/** Encodes cases [from, from + count) of `seed` with both: the same bytes, or the same code at the same path. */
export function runEncodeDifferential(seed: number, from: number, count: number, batch = 50_000, pyArgs: readonly string[] = []): EncodeTally {
  const t: EncodeTally = { cases: 0, encoded: 0, refusedAlike: 0, codes: {}, known: {}, disagreements: [] };
  for (let start = from; start < from + count; start += batch) {
    const cases = Array.from({ length: Math.min(batch, from + count - start) }, (_, i) => encodeCase(seed, start + i, MESSAGES));
    const py = runPython<EncodeOutcome>(cases.map(encodeRequest), pyArgs);
    cases.forEach((c, i) => {
      const kit = kitEncode(c.json, c.options);
      const p = py[i]!;
      t.cases++;
      if (JSON.stringify(kit) === JSON.stringify(p)) {
        if (kit.ok) t.encoded++;
        else { t.refusedAlike++; t.codes[kit.code] = (t.codes[kit.code] ?? 0) + 1; }
        return;
      }
      const known = classifyEncode(kit, p);
      if (known) t.known[known] = (t.known[known] ?? 0) + 1;
      t.disagreements.push({ encodeCase: c, kit, python: p, ...(known ? { known } : {}) });
    });
  }
  return t;
}

export function describeEncode(seed: number, d: EncodeDisagreement): string {
  return [
    `seed ${seed} encode case ${d.encodeCase.index} (${d.encodeCase.faults.join(' | ')}) options ${JSON.stringify(d.encodeCase.options)}${d.known ? ` [known: ${d.known}]` : ''}`,
    `  json   ${d.encodeCase.json}`,
    `  kit    ${JSON.stringify(d.kit)}`,
    `  python ${JSON.stringify(d.python)}`,
  ].join('\n');
}

export interface CostDisagreement { frame: CostFrame; kit: Outcome; python: PyDecoded }

/** The frames built to cross the cost limit, decoded by both; Python's answers come back for the caller's checks. */
export function runCostFrames(pyArgs: readonly string[] = []): { python: PyDecoded[]; disagreements: CostDisagreement[] } {
  const frames = costFrames();
  const python = runPython<PyDecoded>(frames.map((f): PyRequest => ({ op: 'decode', hex: f.hex, limits: f.limits })), pyArgs);
  const disagreements = frames.flatMap((frame, i) => {
    const kit = kitDecode(frame.hex, frame.limits);
    return agree(kit, python[i]!) ? [] : [{ frame, kit, python: python[i]! }];
  });
  return { python, disagreements };
}

export interface StreamDisagreement { seed: number; streamCase: StreamCase; kit: PyStreamed; python: PyStreamed }

/** Streams [from, from + count) of `seed` through both stream decoders. */
export function runStreams(seed: number, from: number, count: number, pyArgs: readonly string[] = []): { python: PyStreamed[]; disagreements: StreamDisagreement[] } {
  const cases = Array.from({ length: count }, (_, i) => streamCase(seed, from + i, CORPUS));
  const python = runPython<PyStreamed>(cases.map((c): PyRequest => ({ op: 'stream', chunks: c.chunks, ...(c.maxFrameBytes ? { maxFrameBytes: c.maxFrameBytes } : {}) })), pyArgs);
  const disagreements = cases.flatMap((c, i) => {
    const kit = kitStream(c.chunks, c.maxFrameBytes);
    return JSON.stringify(kit) === JSON.stringify(python[i]) ? [] : [{ seed, streamCase: c, kit, python: python[i]! }];
  });
  return { python, disagreements };
}
