/**
 * Builds the golden vector files from their sources. Valid vectors are
 * encoded by the codec, and generation fails unless decoding them gives the
 * source message back, so a codec bug stops here instead of being written
 * into the golden files. Invalid and non-canonical frames are copied from
 * their hand-written hex.
 */
import { isDeepStrictEqual } from 'node:util';
import { decode, encode, FrameDecoder, fromJSON, isTLibError, toJSON, type JsonMessage } from '../../src/index.js';
import { bytesToHex, hexToBytes } from '../../src/codec/json.js';
import { EDGE_VECTORS } from './edge-cases.js';
import { ENCODE_INVALID_VECTORS, type EncodeInvalidSource } from './encode-invalid.js';
import { STREAM_VECTORS, type StreamSource } from './stream.js';
import { COST_EDGE_VECTORS, COST_INVALID_VECTORS } from './cost.js';
import { INVALID_VECTORS } from './invalid.js';
import { JSON_TEXT_VECTORS, type JsonTextSource } from './json-text.js';
import { LIMIT_ARGUMENT_VECTORS, limitArgumentOutcome, type LimitArgumentSource } from './limit-arguments.js';
import { LIMIT_VECTORS } from './limits.js';
import { MESSAGE_VECTORS, type ValidSource } from './messages.js';
import { NON_CANONICAL_VECTORS } from './non-canonical.js';
import type { EncodeErrorVector, JsonTextVector, LimitArgumentVector, StreamVector, ValidVector, Vector } from './types.js';

function valid(prefix: string, src: ValidSource): ValidVector {
  const bytes = encode(src.message, { allowObsolete: src.allowObsolete ?? false });
  const message = toJSON(src.message);
  const back = toJSON(decode(bytes));
  if (!isDeepStrictEqual(back, message)) {
    throw new Error(`${src.name}: decode(encode(message)) differs:\n${JSON.stringify(back)}\n${JSON.stringify(message)}`);
  }
  const name = prefix ? `${prefix}/${src.name}` : src.name;
  return { name, hex: bytesToHex(bytes), ...(src.allowObsolete ? { allowObsolete: true as const } : {}), message };
}

/** Errors about the frame itself; every other invalid vector must carry a length prefix that matches its body. */
const FRAMING_ERRORS = new Set(['TRUNCATED', 'FRAME_TOO_LARGE', 'TRAILING_BYTES']);

function checkLengthPrefix(name: string, error: string, hex: string): void {
  if (FRAMING_ERRORS.has(error)) return;
  const declared = parseInt(hex.slice(0, 8), 16);
  if (declared !== hex.length / 2 - 4) throw new Error(`${name}: length prefix ${declared}, body ${hex.length / 2 - 4} bytes`);
}

/** The codec must refuse the message exactly as the source says. */
function encodeInvalid(v: EncodeInvalidSource): EncodeErrorVector {
  let got = 'nothing thrown';
  try {
    encode(fromJSON(v.message), v.options);
  } catch (e) {
    if (!isTLibError(e)) throw e;
    if (e.code === v.error && e.path === v.path) return { name: v.name, message: v.message, ...(v.options ? { options: v.options as EncodeErrorVector['options'] } : {}), error: v.error, path: v.path };
    got = `${e.code} at ${JSON.stringify(e.path)} (${e.message})`;
  }
  throw new Error(`${v.name}: expected ${v.error} at ${JSON.stringify(v.path)}, got ${got}`);
}

/** The JSON text, parsed, must encode to `hex` or fail exactly as the source says. */
function jsonText(v: JsonTextSource): JsonTextVector {
  let got: string;
  try {
    got = `bytes ${bytesToHex(encode(fromJSON(JSON.parse(v.json) as JsonMessage), v.options))}`;
    if ('hex' in v && got === `bytes ${v.hex}`) return v as JsonTextVector;
  } catch (e) {
    if (!isTLibError(e)) throw e;
    if ('error' in v && e.code === v.error && e.path === v.path) return v as JsonTextVector;
    got = `${e.code} at ${JSON.stringify(e.path)} (${e.message})`;
  }
  throw new Error(`${v.name}: expected ${'hex' in v ? v.hex : `${v.error} at ${JSON.stringify(v.path)}`}, got ${got}`);
}

function limitArgument(v: LimitArgumentSource): LimitArgumentVector {
  const got = limitArgumentOutcome(v.limits);
  const want = v.accepted ? 'accepted' : 'refused';
  if (Object.values(got).some((o) => o !== want)) throw new Error(`${v.name}: expected ${want}, got ${JSON.stringify(got)}`);
  return v;
}

/** FrameDecoder must return the frames and then the error the source says. */
function stream(v: StreamSource): StreamVector {
  const d = new FrameDecoder(v.maxFrameBytes === undefined ? undefined : { maxFrameBytes: v.maxFrameBytes });
  const frames: string[] = [];
  let error: { code: string; offset: number } | undefined;
  try {
    for (const chunk of v.chunks) {
      frames.push(...d.push(hexToBytes(chunk)).map((f) => bytesToHex(f)));
      if (d.error) throw d.error;
    }
    d.end();
  } catch (e) {
    if (!isTLibError(e)) throw e;
    error = { code: e.code, offset: e.offset! };
  }
  if (!isDeepStrictEqual(frames, v.frames) || !isDeepStrictEqual(error, v.error)) {
    throw new Error(`${v.name}: FrameDecoder returned ${JSON.stringify(frames)} then ${JSON.stringify(error)}`);
  }
  return { name: `stream/${v.name}`, chunks: v.chunks, ...(v.maxFrameBytes === undefined ? {} : { maxFrameBytes: v.maxFrameBytes }), frames: v.frames, ...(v.error ? { error: v.error } : {}) };
}

/** File name (under spec/vectors) -> its entries. */
export function buildVectorFiles(): Record<string, Vector[]> {
  return {
    'messages.json': MESSAGE_VECTORS.map((v) => valid('message', v)),
    'edge-cases.json': [...EDGE_VECTORS, ...COST_EDGE_VECTORS].map((v) => valid('', v)),
    'non-canonical.json': NON_CANONICAL_VECTORS.map((v) => {
      const decoded = toJSON(decode(hexToBytes(v.hex)));
      if (!isDeepStrictEqual(decoded, v.message)) throw new Error(`${v.name}: decodes to ${JSON.stringify(decoded)}`);
      return { name: v.name, hex: v.hex, message: v.message, canonicalHex: bytesToHex(encode(fromJSON(v.message))) };
    }),
    'encode-invalid.json': ENCODE_INVALID_VECTORS.map(encodeInvalid),
    'json-text.json': JSON_TEXT_VECTORS.map(jsonText),
    'limit-arguments.json': LIMIT_ARGUMENT_VECTORS.map(limitArgument),
    'stream.json': STREAM_VECTORS.map(stream),
    'invalid.json': [...INVALID_VECTORS, ...COST_INVALID_VECTORS].map((v) => {
      checkLengthPrefix(v.name, v.error, v.hex);
      return { name: v.name, hex: v.hex, error: v.error, offset: v.offset };
    }),
    'limits.json': LIMIT_VECTORS.map((v) => {
      checkLengthPrefix(v.name, v.error, v.hex);
      return { name: v.name, limits: v.limits as Record<string, number>, hex: v.hex, error: v.error, offset: v.offset };
    }),
  };
}
