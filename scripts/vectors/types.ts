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
/** limits.json: decoding `hex` with `limits` fails with `error` at `offset`. */
export interface LimitVector extends ErrorVector {
  limits: Record<string, number>;
}
export type Vector = ValidVector | ErrorVector | LimitVector | EncodeErrorVector | StreamVector | JsonTextVector | LimitArgumentVector;

/** encode-invalid.json: fromJSON(message) then encode(.., options) fails with `error` at `path`. */
export interface EncodeErrorVector {
  name: string;
  message: JsonMessage;
  options?: { allowObsolete?: boolean; limits?: Record<string, number> };
  error: string;
  path: string;
}

/** stream.json: FrameDecoder fed `chunks` (hex) returns `frames` (hex), then fails with `error` if set. */
export interface StreamVector {
  name: string;
  chunks: string[];
  maxFrameBytes?: number;
  frames: string[];
  error?: { code: string; offset: number };
}

/** json-text.json: the JSON text `json`, parsed, then fromJSON and encode(.., options), gives `hex` or fails with `error` at `path`. */
export type JsonTextVector = { name: string; json: string; options?: { allowObsolete?: boolean; limits?: Record<string, number> } } &
  ({ hex: string } | { error: string; path: string });

/** limit-arguments.json: whether `limits` is a valid argument of decode, encode and the stream decoder. */
export interface LimitArgumentVector {
  name: string;
  limits: Record<string, unknown>;
  accepted: boolean;
}
