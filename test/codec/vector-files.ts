/**
 * The golden vectors as the tests read them: straight from spec/vectors, so
 * the tests check the published files, not what a generator would write.
 */
import { readFileSync } from 'node:fs';
import type { EncodeErrorVector, ErrorVector, JsonTextVector, LimitArgumentVector, LimitVector, StreamVector, ValidVector } from '../../scripts/vectors/types.js';

export const VECTOR_FILES = ['messages.json', 'edge-cases.json', 'non-canonical.json', 'invalid.json', 'encode-invalid.json', 'json-text.json', 'limit-arguments.json', 'stream.json', 'limits.json'] as const;

function load<T>(file: string): T[] {
  return JSON.parse(readFileSync(new URL(`../../spec/vectors/${file}`, import.meta.url), 'utf8')) as T[];
}

export const MESSAGE_VECTORS = load<ValidVector>('messages.json');
export const EDGE_VECTORS = load<ValidVector>('edge-cases.json');
export const NON_CANONICAL_VECTORS = load<ValidVector>('non-canonical.json');
export const ERROR_VECTORS = load<ErrorVector>('invalid.json');
/** Invalid with limits below the defaults (the other files assume the defaults). */
export const LIMIT_VECTORS = load<LimitVector>('limits.json');
export const ENCODE_ERROR_VECTORS = load<EncodeErrorVector>('encode-invalid.json');
export const STREAM_VECTORS = load<StreamVector>('stream.json');
/** Messages given as JSON text, for what a parsed object cannot keep (number spellings, repeated members, name order). */
export const JSON_TEXT_VECTORS = load<JsonTextVector>('json-text.json');
/** Limits arguments and whether each is a valid one (spec 10.3). */
export const LIMIT_ARGUMENT_VECTORS = load<LimitArgumentVector>('limit-arguments.json');
/** Every frame that decodes. */
export const VALID_VECTORS = [...MESSAGE_VECTORS, ...EDGE_VECTORS, ...NON_CANONICAL_VECTORS];

export function bytesOf(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

export function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
