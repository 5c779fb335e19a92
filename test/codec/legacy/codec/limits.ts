/**
 * Decoder limits. Defaults are generous for real T-Server traffic and small
 * enough that a hostile peer cannot make a decoder hold much memory: every
 * allocation the decoder makes is bounded by the bytes actually received.
 */
export interface Limits {
  /** Largest frame body (bytes after the 4-byte length prefix). */
  maxFrameBytes: number;
  /** Deepest key-value list nesting; a top-level attribute list is depth 1. */
  maxDepth: number;
  /** Most attributes in one message. */
  maxAttributes: number;
  /** Most key-value pairs in one message, all lists and nesting levels counted. */
  maxPairs: number;
  /** Longest string or binary value, in bytes. */
  maxStringBytes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFrameBytes: 1 << 20,
  maxDepth: 32,
  maxAttributes: 1024,
  maxPairs: 65536,
  maxStringBytes: 1 << 20,
});

/** Ceilings for configured limits: past them a limit no longer protects anything. */
export const HARD_MAX_FRAME_BYTES = 256 << 20;
/** Decoding recurses once per nesting level; this keeps it far from the engine's stack limit. */
export const HARD_MAX_DEPTH = 512;

export function resolveLimits(partial?: Partial<Limits>): Limits {
  if (!partial) return DEFAULT_LIMITS as Limits;
  const limits = { ...DEFAULT_LIMITS, ...partial };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`limits.${key} must be a positive integer, got ${String(value)}`);
    }
  }
  if (limits.maxFrameBytes > HARD_MAX_FRAME_BYTES) {
    throw new RangeError(`limits.maxFrameBytes must be at most ${HARD_MAX_FRAME_BYTES}, got ${limits.maxFrameBytes}`);
  }
  if (limits.maxDepth > HARD_MAX_DEPTH) {
    throw new RangeError(`limits.maxDepth must be at most ${HARD_MAX_DEPTH}, got ${limits.maxDepth}`);
  }
  return limits;
}
