/**
 * The independent Python codec agrees with every golden vector of spec/vectors/
 * (spec section 16), including the two properties every valid vector has:
 * each strict prefix is TRUNCATED at its length, and a stream of all of them,
 * cut anywhere, yields the same frames.
 */
import { describe, expect, it } from 'vitest';

// bounded by count, never by time: on a loaded machine they may take long, and must not fail for it
const BOUNDED_BY_COUNT = { timeout: 600_000 };
import { runPython, type Limits, type PyDecoded, type PyRequest, type PyStreamed } from './python-codec.js';
import {
  ENCODE_ERROR_VECTORS as ENCODE_INVALID,
  ERROR_VECTORS as INVALID,
  JSON_TEXT_VECTORS as JSON_TEXT,
  LIMIT_ARGUMENT_VECTORS as LIMIT_ARGUMENTS,
  LIMIT_VECTORS as LIMITS,
  STREAM_VECTORS as STREAM,
  VALID_VECTORS as VALID,
} from '../codec/vector-files.js';

describe('independent Python codec on the golden vectors', BOUNDED_BY_COUNT, () => {
  it('decodes every valid vector to its message and re-encodes it canonically', () => {
    const out = runPython(VALID.map((v): PyRequest => ({ op: 'decode', hex: v.hex })));
    VALID.forEach((v, i) => {
      expect({ name: v.name, ...out[i] }).toStrictEqual({ name: v.name, ok: true, message: v.message, canonical: v.canonicalHex ?? v.hex });
    });
  });

  it('encodes every valid vector message to its (canonical) bytes; obsolete ones only when allowed', () => {
    const reqs: PyRequest[] = VALID.map((v) => ({ op: 'encode', message: v.message, options: { allowObsolete: v.allowObsolete === true } }));
    const out = runPython(reqs);
    VALID.forEach((v, i) => expect({ name: v.name, ...out[i] }).toStrictEqual({ name: v.name, ok: true, hex: v.canonicalHex ?? v.hex }));
    const obsolete = VALID.filter((v) => v.allowObsolete);
    expect(obsolete.length).toBeGreaterThan(0);
    const refused = runPython(obsolete.map((v): PyRequest => ({ op: 'encode', message: v.message })));
    refused.forEach((o, i) => expect({ name: obsolete[i]!.name, ...o }).toStrictEqual({ name: obsolete[i]!.name, ok: false, code: 'OBSOLETE', path: 'Event' }));
  });

  it('fails every invalid vector with its code at its offset', () => {
    const out = runPython(INVALID.map((v): PyRequest => ({ op: 'decode', hex: v.hex })));
    INVALID.forEach((v, i) => expect({ name: v.name, ...out[i] }).toStrictEqual({ name: v.name, ok: false, code: v.error, offset: v.offset }));
  });

  it('fails every limits vector with its code at its offset, under its lowered limits', () => {
    const out = runPython(LIMITS.map((v): PyRequest => ({ op: 'decode', hex: v.hex, limits: v.limits })));
    LIMITS.forEach((v, i) => expect({ name: v.name, ...out[i] }).toStrictEqual({ name: v.name, ok: false, code: v.error, offset: v.offset }));
  });

  it('refuses every encode-invalid vector with its code at its path', () => {
    const out = runPython(ENCODE_INVALID.map((v): PyRequest => ({ op: 'encode', message: v.message, ...(v.options ? { options: v.options } : {}) })));
    ENCODE_INVALID.forEach((v, i) => expect({ name: v.name, ...out[i] }).toStrictEqual({ name: v.name, ok: false, code: v.error, path: v.path }));
  });

  it('encodes every JSON-text vector from its text (not from a re-serialised parse) to its bytes or its code at its path', () => {
    // the text goes to Python as it is: its number spellings, repeated members and name order are the point
    const out = runPython(JSON_TEXT.map((v) => `{"op":"encode","message":${v.json},"options":${JSON.stringify(v.options ?? {})}}`));
    JSON_TEXT.forEach((v, i) => expect({ name: v.name, ...out[i] }).toStrictEqual(
      { name: v.name, ...('hex' in v ? { ok: true, hex: v.hex } : { ok: false, code: v.error, path: v.path }) }));
  });

  it('takes or refuses every limit-arguments vector, before reading any input, in decode, encode and the stream decoder', () => {
    // the batch protocol answers a refused limit with the code "RangeError" (tlib_codec.py): a bad argument, not a codec error
    const refused = { ok: false, code: 'RangeError' };
    const cases = LIMIT_ARGUMENTS.map((v) => {
      const limits = v.limits as Limits;
      const frameOnly = Object.keys(v.limits).length === 1 && 'maxFrameBytes' in v.limits;
      const reqs: PyRequest[] = [{ op: 'decode', hex: '', limits }, { op: 'encode', message: { Event: 'EventError' }, options: { limits } },
        ...(frameOnly ? [{ op: 'stream' as const, chunks: [], maxFrameBytes: v.limits.maxFrameBytes as number }] : [])];
      const taken = [{ ok: false, code: 'TRUNCATED', offset: 0 }, { ok: true, hex: '0000000134' }, ...(frameOnly ? [{ frames: [], error: null }] : [])];
      return { v, reqs, want: v.accepted ? taken : reqs.map(() => refused) };
    });
    const out = runPython<Record<string, unknown>>(cases.flatMap((c) => c.reqs)).map((o) => (o.code === 'RangeError' ? { ok: o.ok, code: o.code } : o));
    let at = 0;
    for (const c of cases) {
      const got = out.slice(at, (at += c.reqs.length));
      expect({ name: c.v.name, out: got }).toStrictEqual({ name: c.v.name, out: c.want });
    }
  });

  it('streams every stream vector as stated, and the same for every other cut of its bytes', () => {
    const reqs: PyRequest[] = [];
    const expected: { name: string; frames: string[]; error: unknown; again?: unknown[] }[] = [];
    for (const v of STREAM) {
      const whole = v.chunks.join('');
      const cuts = [v.chunks, whole.match(/../g) ?? [], [whole], ...[1, 2, 3, 5, 7].map((k) => split(whole, k))];
      for (const chunks of cuts) {
        reqs.push({ op: 'stream', chunks, ...(v.maxFrameBytes !== undefined ? { maxFrameBytes: v.maxFrameBytes } : {}) });
        // the error that stays (spec section 2): a later chunk and the end raise it again and return nothing
        const again = v.error?.code === 'FRAME_TOO_LARGE' ? { again: [v.error, v.error] } : {};
        expected.push({ name: v.name, frames: v.frames, error: v.error ?? null, ...again });
      }
    }
    const out = runPython<PyStreamed>(reqs);
    out.forEach((o, i) => expect({ name: expected[i]!.name, ...o }).toStrictEqual(expected[i]));
  });

  it('reports each strict prefix of a valid vector as TRUNCATED at its length', () => {
    const reqs: PyRequest[] = [];
    const lengths: number[] = [];
    for (const v of VALID) for (let n = 0; n < v.hex.length / 2; n++) { reqs.push({ op: 'decode', hex: v.hex.slice(0, 2 * n) }); lengths.push(n); }
    const out = runPython<PyDecoded>(reqs);
    out.forEach((o, i) => expect(o).toStrictEqual({ ok: false, code: 'TRUNCATED', offset: lengths[i] }));
  });

  it('splits all valid vectors, concatenated and cut every k bytes, into the same frames', () => {
    const whole = VALID.map((v) => v.hex).join('');
    const frames = VALID.map((v) => v.hex);
    const out = runPython<PyStreamed>([1, 2, 3, 4, 5, 8, 13, 64, 1000].map((k): PyRequest => ({ op: 'stream', chunks: split(whole, k) })));
    for (const o of out) expect(o).toStrictEqual({ frames, error: null });
  });
});

/** Cuts a hex string into chunks of k bytes. */
function split(hex: string, k: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < hex.length; i += 2 * k) out.push(hex.slice(i, i + 2 * k));
  return out;
}
