/**
 * Builds the golden vector files from their sources. Valid vectors are
 * encoded by the codec, and generation fails unless decoding them gives the
 * source message back, so a codec bug stops here instead of being written
 * into the golden files. Invalid and non-canonical frames are copied from
 * their hand-written hex.
 */
import { isDeepStrictEqual } from 'node:util';
import { decode, encode, fromJSON, toJSON, type JsonMessage } from '../../src/index.js';
import { bytesToHex, hexToBytes } from '../../src/codec/json.js';
import { EDGE_VECTORS } from './edge-cases.js';
import { INVALID_VECTORS } from './invalid.js';
import { MESSAGE_VECTORS, type ValidSource } from './messages.js';
import { NON_CANONICAL_VECTORS } from './non-canonical.js';
import type { ValidVector, Vector } from './types.js';

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

/** File name (under spec/vectors) -> its entries. */
export function buildVectorFiles(): Record<string, Vector[]> {
  return {
    'messages.json': MESSAGE_VECTORS.map((v) => valid('message', v)),
    'edge-cases.json': EDGE_VECTORS.map((v) => valid('', v)),
    'non-canonical.json': NON_CANONICAL_VECTORS.map((v) => {
      const decoded = toJSON(decode(hexToBytes(v.hex)));
      if (!isDeepStrictEqual(decoded, v.message)) throw new Error(`${v.name}: decodes to ${JSON.stringify(decoded)}`);
      return { name: v.name, hex: v.hex, message: v.message, canonicalHex: bytesToHex(encode(fromJSON(v.message))) };
    }),
    'invalid.json': INVALID_VECTORS.map((v) => {
      checkLengthPrefix(v.name, v.error, v.hex);
      return { name: v.name, hex: v.hex, error: v.error, offset: v.offset };
    }),
  };
}
