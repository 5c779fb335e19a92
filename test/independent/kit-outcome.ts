/**
 * The kit's side of the comparison, through its public API only (decode, encode,
 * FrameDecoder, TLibError), put in the same shape as the Python codec's answers.
 * The JSON form is derived here from spec/wire-format.md section 14, not borrowed from the kit.
 */
import { decode, encode, FrameDecoder, fromJSON, TLibError } from '../../src/index.js';
import type { Limits } from './python-codec.js';

export type Outcome =
  | { ok: true; message: unknown; canonical: string }
  | { ok: true; message: unknown; canonicalError: { code: string; path: string } }
  | { ok: false; code: string; offset: number };

export const toHex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
export const fromHex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));

/** Section 14: bigints as decimal strings, bytes as {"$hex"}, lists as arrays, absent as absent. */
export function jsonForm(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return { $hex: toHex(v) };
  if (Array.isArray(v)) return v.map(jsonForm);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = jsonForm(x);
    return out;
  }
  return v;
}

function failure(e: unknown): { code: string; offset: number } {
  if (!(e instanceof TLibError)) throw e; // any other throw is a defect of its own, never an outcome
  return { code: e.code, offset: e.offset as number };
}

export function kitDecode(hex: string, limits?: Limits): Outcome {
  let msg;
  try {
    msg = limits ? decode(fromHex(hex), { limits }) : decode(fromHex(hex));
  } catch (e) {
    return { ok: false, ...failure(e) };
  }
  try {
    const canonical = toHex(encode(msg, { allowObsolete: true, ...(limits ? { limits } : {}) }));
    return { ok: true, message: jsonForm(msg), canonical };
  } catch (e) {
    if (!(e instanceof TLibError)) throw e;
    return { ok: true, message: jsonForm(msg), canonicalError: { code: e.code, path: e.path as string } };
  }
}

type Again = { returned: string[] } | { code: string; offset: number };

/** Feeds the chunks, then ends the stream: the frames returned and the error, if any; after FRAME_TOO_LARGE (the error that stays), what a later chunk and the end give. */
export function kitStream(chunks: readonly string[], maxFrameBytes?: number): { frames: string[]; error: { code: string; offset: number } | null; again?: Again[] } {
  const fd = maxFrameBytes === undefined ? new FrameDecoder() : new FrameDecoder({ maxFrameBytes });
  const frames: string[] = [];
  let error: { code: string; offset: number };
  try {
    for (const c of chunks) {
      for (const f of fd.push(fromHex(c))) frames.push(toHex(f));
      if (fd.error) throw fd.error;
    }
    fd.end();
    return { frames, error: null };
  } catch (e) {
    error = failure(e);
  }
  if (error.code !== 'FRAME_TOO_LARGE') return { frames, error };
  const again: Again[] = [];
  for (const call of [() => fd.push(new Uint8Array(4)), () => fd.end()]) {
    try {
      const out = call();
      again.push({ returned: Array.isArray(out) ? out.map(toHex) : [] });
    } catch (e) {
      again.push(failure(e));
    }
  }
  return { frames, error, again };
}

export type EncodeOutcome = { ok: true; hex: string } | { ok: false; code: string; path: string };

/** The JSON form read by the kit's fromJSON, then encode (spec 10.1 "Reading the JSON form first"). */
export function kitEncode(json: string, options: { allowObsolete?: boolean; limits?: Limits }): EncodeOutcome {
  try {
    return { ok: true, hex: toHex(encode(fromJSON(JSON.parse(json)), options)) };
  } catch (e) {
    if (!(e instanceof TLibError)) throw e;
    return { ok: false, code: e.code, path: e.path as string };
  }
}
