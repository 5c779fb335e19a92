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
  /**
   * Most decode cost (src/codec/cost.ts: estimated heap bytes of the decoded
   * message) per frame byte, beyond a fixed allowance of COST_ALLOWANCE.
   */
  maxCostPerByte: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFrameBytes: 1 << 20,
  maxDepth: 32,
  maxAttributes: 1024,
  maxPairs: 65536,
  maxStringBytes: 1 << 20,
  maxCostPerByte: 16,
});

/** The limit names, for refusing a misspelt one instead of ignoring it. */
const LIMIT_NAMES = new Set(Object.keys(DEFAULT_LIMITS));

/** Ceilings for configured limits: past them a limit no longer protects anything. */
const HARD_MAX_FRAME_BYTES = 256 << 20;
/** Decoding recurses once per nesting level; this keeps it far from the engine's stack limit. */
const HARD_MAX_DEPTH = 512;
/** Past this the cost limit no longer bounds anything a frame limit does not. */
const HARD_MAX_COST_PER_BYTE = 1024;

export function resolveLimits(partial?: Partial<Limits>): Limits {
  if (!partial) return DEFAULT_LIMITS as Limits;
  for (const key of Object.keys(partial)) {
    if (!LIMIT_NAMES.has(key)) throw new RangeError(`limits.${key} is not a limit (limits are ${[...LIMIT_NAMES].join(', ')})`);
  }
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
  if (limits.maxCostPerByte > HARD_MAX_COST_PER_BYTE) {
    throw new RangeError(`limits.maxCostPerByte must be at most ${HARD_MAX_COST_PER_BYTE}, got ${limits.maxCostPerByte}`);
  }
  return limits;
}
