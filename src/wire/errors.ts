/**
 * Every failure of the codec is a TLibError: a stable `code` a program can
 * branch on, the byte `offset` (decode) or property `path` (encode) where it
 * happened, and a message a person can act on.
 */
export type ErrorCode =
  /** The input ends inside a frame: more bytes are needed. */
  | 'TRUNCATED'
  /** A frame's length prefix exceeds the configured maximum frame size. */
  | 'FRAME_TOO_LARGE'
  /** decode() was given bytes after the end of the one frame it decodes. */
  | 'TRAILING_BYTES'
  /** A varint is longer than 5 bytes, above 2^32-1, or not in its shortest form. */
  | 'VARINT_INVALID'
  /** A value's declared length or count runs past the end of its frame. */
  | 'VALUE_OVERRUN'
  /** A value kind byte that is not defined (or not allowed where it stands). */
  | 'UNKNOWN_KIND'
  /** A known attribute carries a value of another kind than the registry's. */
  | 'KIND_MISMATCH'
  /** The same attribute tag appears twice in one message. */
  | 'DUPLICATE_ATTRIBUTE'
  /** A string is not well-formed UTF-8 (or, encoding, not well-formed UTF-16). */
  | 'INVALID_UTF8'
  /** Key-value lists nested deeper than the limit. */
  | 'NESTING_TOO_DEEP'
  /** A configured limit (attributes, pairs, string bytes) was exceeded. */
  | 'LIMIT_EXCEEDED'
  /** Only one of AttributeTimeinSecs / AttributeTimeinuSecs is present. */
  | 'TIME_INCOMPLETE'
  /** encode() was given a value that cannot be written (wrong type, out of range, unknown property). */
  | 'INVALID_MESSAGE'
  /** encode() of an obsolete event without `allowObsolete`. */
  | 'OBSOLETE';

export class TLibError extends Error {
  override readonly name = 'TLibError';
  readonly code: ErrorCode;
  /** Byte offset in the frame (from its first length-prefix byte) where decoding failed. */
  readonly offset: number | undefined;
  /** Property path in the message where encoding failed, e.g. "UserData[3][1]". */
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, where: { offset?: number; path?: string } = {}) {
    super(message);
    this.code = code;
    this.offset = where.offset;
    this.path = where.path;
  }
}

export function isTLibError(e: unknown): e is TLibError {
  return e instanceof TLibError;
}

/** Decode-side error: the sentence always ends with where it happened. */
export function decodeError(code: ErrorCode, what: string, offset: number): TLibError {
  return new TLibError(code, `${what} at offset ${offset}`, { offset });
}

/** Encode-side error: the sentence always names the property path. */
export function encodeError(code: ErrorCode, what: string, path: string): TLibError {
  return new TLibError(code, `${path}: ${what}`, { path });
}
