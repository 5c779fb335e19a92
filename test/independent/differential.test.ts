/**
 * Differential fuzz of the kit against the independent Python codec (written from
 * spec/wire-format.md alone): every mutant of the valid vectors must get the same
 * outcome (message, or code and offset) and the same canonical re-encoding from
 * both, and every byte stream the same frames and error. Bounded by count; the
 * seed is fixed so every run gives the same verdict (DIFF_SEED / DIFF_COUNT
 * change them; `npm run diff-fuzz` runs a million by hand).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// bounded by count, never by time: on a loaded machine they may take long, and must not fail for it
const BOUNDED_BY_COUNT = { timeout: 600_000 };
import {
  CORPUS, KNOWN, REGRESSIONS, agree, classify, classifyEncode, describe as explain, describeEncode, runCostFrames, runDifferential, runEncodeDifferential, runStreams,
  type KnownDecodeDisagreement,
} from './differential.js';
import { kitDecode, kitEncode } from './kit-outcome.js';
import { runPython, type Limits, type PyDecoded, type PyRequest } from './python-codec.js';

const SEED = Number(process.env.DIFF_SEED ?? 20261202);
const COUNT = Number(process.env.DIFF_COUNT ?? 30_000);
const STREAMS = 3_000;
const ENCODES = 20_000;

describe('differential fuzz: kit vs independent Python codec', BOUNDED_BY_COUNT, () => {
  it(`agrees on ${COUNT} mutants of the valid vectors (seed ${SEED})`, () => {
    const t = runDifferential(SEED, 0, COUNT);
    const unknown = t.disagreements.filter((d) => !d.known);
    if (unknown.length > 0) {
      console.error(`${unknown.length} disagreements:\n${unknown.slice(0, 20).map((d) => explain(SEED, d)).join('\n')}`);
    }
    expect(unknown.map((d) => d.mutant.hex)).toEqual([]);
    // the fuzz reaches every part of the decoder, not only its framing
    expect(t.decoded).toBeGreaterThan(COUNT * 0.05);
    for (const code of ['VALUE_OVERRUN', 'VARINT_INVALID', 'UNKNOWN_KIND', 'KIND_MISMATCH', 'DUPLICATE_ATTRIBUTE', 'INVALID_UTF8',
      'NESTING_TOO_DEEP', 'LIMIT_EXCEEDED', 'TIME_INCOMPLETE', 'TRUNCATED', 'TRAILING_BYTES', 'FRAME_TOO_LARGE']) {
      expect({ code, seen: (t.codes[code] ?? 0) > 0 }).toEqual({ code, seen: true });
    }
  });

  it(`splits ${STREAMS} chunked byte streams into the same frames and error`, () => {
    const { python, disagreements } = runStreams(SEED, 0, STREAMS);
    expect(disagreements).toEqual([]);
    const errors = new Set(python.map((p) => p.error?.code ?? 'none'));
    expect([...errors].sort()).toEqual(['FRAME_TOO_LARGE', 'TRUNCATED', 'none']);
  });

  it('agrees on frames built to cross the decode cost limit at each check point', () => {
    const { python, disagreements } = runCostFrames();
    expect(disagreements.map((d) => ({ ...d, frame: { ...d.frame, hex: `${d.frame.hex.slice(0, 300)}...` } }))).toEqual([]);
    // the frames do reach the limit, on both sides of it
    expect(python.filter((p) => p.code === 'LIMIT_EXCEEDED').length).toBeGreaterThan(python.length / 4);
    expect(python.filter((p) => p.ok).length).toBeGreaterThan(python.length / 8);
  });

  it(`encodes ${ENCODES} faulty JSON-form messages to the same bytes, or the same code at the same path`, () => {
    const t = runEncodeDifferential(SEED, 0, ENCODES);
    const unknown = t.disagreements.filter((d) => !d.known);
    if (unknown.length > 0) console.error(`${unknown.length} encode disagreements:\n${unknown.slice(0, 20).map((d) => describeEncode(SEED, d)).join('\n')}`);
    expect(unknown.map((d) => d.encodeCase.json)).toEqual([]);
    expect(t.encoded).toBeGreaterThan(ENCODES * 0.1);
    for (const code of ['INVALID_MESSAGE', 'OBSOLETE', 'LIMIT_EXCEEDED', 'NESTING_TOO_DEEP', 'INVALID_UTF8', 'FRAME_TOO_LARGE']) {
      expect({ code, seen: (t.codes[code] ?? 0) > 0 }).toEqual({ code, seen: true });
    }
  });

  it('flags a difference in message, canonical bytes, code or offset, and excuses only the known classes', () => {
    const hex = CORPUS[1]!;
    const [py] = runPython<PyDecoded>([{ op: 'decode', hex }]);
    const kit = kitDecode(hex);
    expect(agree(kit, py!)).toBe(true);
    const message = { ...(py!.message as object), Extra: 1 };
    expect(agree(kit, { ...py!, message })).toBe(false);
    expect(agree(kit, { ...py!, canonical: `${py!.canonical}00` })).toBe(false);
    expect(agree({ ok: false, code: 'TRUNCATED', offset: 3 }, { ok: false, code: 'TRUNCATED', offset: 4 })).toBe(false);
    expect(agree({ ok: false, code: 'TRUNCATED', offset: 3 }, { ok: false, code: 'TRAILING_BYTES', offset: 3 })).toBe(false);
    expect(agree({ ok: false, code: 'TRUNCATED', offset: 3 }, py!)).toBe(false);
    // a class excuses exactly its code, its offset difference and its marker byte, nothing near them
    const int64 = '0000000709280201000505';
    const cls: KnownDecodeDisagreement = { name: 'probe', sentence: '', wrong: 'kit', code: 'VALUE_OVERRUN', offsetDelta: 4, byteBefore: { at: -1, value: 2 }, inputs: [] };
    expect(classify(int64, { ok: false, code: 'VALUE_OVERRUN', offset: 11 }, { ok: false, code: 'VALUE_OVERRUN', offset: 7 }, [cls])).toBe('probe');
    expect(classify(int64, { ok: false, code: 'VALUE_OVERRUN', offset: 10 }, { ok: false, code: 'VALUE_OVERRUN', offset: 7 }, [cls])).toBeUndefined();
    expect(classify(int64, { ok: false, code: 'TRUNCATED', offset: 11 }, { ok: false, code: 'TRUNCATED', offset: 7 }, [cls])).toBeUndefined();
    expect(classify(hex, { ok: false, code: 'VALUE_OVERRUN', offset: 11 }, { ok: false, code: 'VALUE_OVERRUN', offset: 7 }, [cls])).toBeUndefined();
  });
});

describe('regression inputs (regressions.json): both implementations give what the spec says', BOUNDED_BY_COUNT, () => {
  it.each(REGRESSIONS.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const [py] = runPython<PyDecoded>([{ op: 'decode', hex: r.hex, ...(r.limits ? { limits: r.limits } : {}) }]);
    const kit = kitDecode(r.hex, r.limits);
    const outcome = (o: { ok: boolean; code?: string; offset?: number }) => (o.ok ? { ok: true } : { ok: false, code: o.code, offset: o.offset });
    expect({ python: outcome(py!), kit: outcome(kit) }, r.sentence).toEqual({ python: r.expect, kit: r.expect });
  });
});

/**
 * Inputs on which the kit and the spec are known to differ, kept as named
 * regressions: the Python codec must give what the spec sentence says, and the
 * kit what it gave when the entry was written. When the kit is fixed this fails:
 * remove the entry from known-disagreements.json.
 */
describe('known disagreements (known-disagreements.json)', BOUNDED_BY_COUNT, () => {
  if (KNOWN.length === 0) it('none today: every disagreement fails the fuzz', () => expect(KNOWN).toEqual([]));
  for (const k of KNOWN) {
    it(`${k.name}: ${k.sentence}`, () => {
      if (k.op === 'encode') {
        const py = runPython<{ ok: boolean; code?: string; path?: string }>(k.inputs.map((i) => `{"op":"encode","message":${i.message}}`));
        k.inputs.forEach((input, n) => {
          expect({ message: input.message, ...py[n] }).toEqual({ message: input.message, ok: false, ...input.spec });
          const kit = kitEncode(input.message, {});
          expect({ message: input.message, ...kit }, `the kit now gives ${JSON.stringify(kit)}: if that is the spec's answer, remove this entry`)
            .toEqual({ message: input.message, ok: false, ...(k.wrong === 'kit' ? input.kit : input.spec) });
          expect(classifyEncode(kit, { ok: false, code: py[n]!.code!, path: py[n]!.path! })).toBe(k.name);
        });
        return;
      }
      const py = runPython<PyDecoded>(k.inputs.map((i): PyRequest => ({ op: 'decode', hex: i.hex })));
      k.inputs.forEach((input, n) => {
        const spec = { hex: input.hex, ok: false, ...input.spec };
        expect({ hex: input.hex, ...py[n] }).toEqual(spec);
        const kit = kitDecode(input.hex);
        expect({ hex: input.hex, ...kit }, `the kit now gives ${JSON.stringify(kit)}: if that is the spec's answer, remove this entry`)
          .toEqual({ hex: input.hex, ok: false, ...(k.wrong === 'kit' ? input.kit : input.spec) });
        expect(classify(input.hex, kit, py[n]!)).toBe(k.name);
      });
    });
  }
});

/**
 * Readings the spec text still leaves open (GUESSES.md "Still guesses"): the kit and the
 * Python codec agree on each today; a change on either side, or a spec sentence that
 * settles it another way, shows here first.
 */
describe('open readings (open-readings.json): both implementations read them alike', BOUNDED_BY_COUNT, () => {
  const readings = JSON.parse(readFileSync(new URL('./open-readings.json', import.meta.url), 'utf8')) as
    { name: string; guess: string; message: string; options: { allowObsolete?: boolean; limits?: Limits }; expect: unknown }[];
  // every reading GUESSES.md listed is settled by a sentence and a vector (SETTLED.md); a new one is pinned here until it is
  if (readings.length === 0) it('none open today: each is a sentence of the spec with a vector (SETTLED.md)', () => expect(readings).toEqual([]));
  it.each(readings.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const [py] = runPython<unknown>([`{"op":"encode","message":${r.message},"options":${JSON.stringify(r.options)}}`]);
    expect({ python: py, kit: kitEncode(r.message, r.options) }, r.guess).toEqual({ python: r.expect, kit: r.expect });
  });
});
