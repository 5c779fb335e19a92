/** The shape of an entry in spec/vectors/*.json, shared by the generator and the tests that read the files. */
import type { JsonMessage } from '../../src/index.js';

export interface ValidVector {
  name: string;
  hex: string;
  allowObsolete?: true;
  message: JsonMessage;
  /** Only for non-canonical frames: what the encoder writes for `message`. */
  canonicalHex?: string;
}
export interface ErrorVector {
  name: string;
  hex: string;
  error: string;
  offset: number;
}
export type Vector = ValidVector | ErrorVector;
