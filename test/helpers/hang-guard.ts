/**
 * The bound of every wait in the tests: a guard against a hang, not an
 * expectation of speed, so it sits well above anything a loaded machine
 * takes (and below vitest's own test timeout).
 */
export const HANG_GUARD_MS = 20_000;
