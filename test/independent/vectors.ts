/** The golden vectors of spec/vectors/, read as data (spec section 16). */
import { readFileSync } from 'node:fs';
import type { Limits } from './python-codec.js';

const read = <T>(file: string): T[] =>
  JSON.parse(readFileSync(new URL(`../../spec/vectors/${file}`, import.meta.url), 'utf8')) as T[];

export interface ValidVector { name: string; hex: string; message: unknown; canonicalHex?: string; allowObsolete?: boolean }
export interface InvalidVector { name: string; hex: string; error: string; offset: number }
export interface EncodeInvalidVector { name: string; message: unknown; options?: { allowObsolete?: boolean; limits?: Limits }; error: string; path: string }
export interface LimitVector { name: string; limits: Limits; hex: string; error: string; offset: number }
/** A message given as JSON text: what a parsed object would lose (number spellings, repeated members, name order). */
export type JsonTextVector = { name: string; json: string; options?: { allowObsolete?: boolean; limits?: Limits } } & ({ hex: string } | { error: string; path: string });
/** A limits argument and whether it is a valid one (spec 10.3). */
export interface LimitArgumentVector { name: string; limits: Record<string, unknown>; accepted: boolean }
export interface StreamVector { name: string; chunks: string[]; maxFrameBytes?: number; frames: string[]; error?: { code: string; offset: number } }

export const VALID: ValidVector[] = [...read<ValidVector>('messages.json'), ...read<ValidVector>('edge-cases.json'), ...read<ValidVector>('non-canonical.json')];
export const INVALID = read<InvalidVector>('invalid.json');
export const ENCODE_INVALID = read<EncodeInvalidVector>('encode-invalid.json');
export const JSON_TEXT = read<JsonTextVector>('json-text.json');
export const LIMIT_ARGUMENTS = read<LimitArgumentVector>('limit-arguments.json');
export const STREAM = read<StreamVector>('stream.json');
export const LIMITS = read<LimitVector>('limits.json');
