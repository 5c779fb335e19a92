import type { Violation } from './types.js';

/** One line: rule id, what was wrong, and the quoted reference sentence. */
export function formatViolation(v: Violation): string {
  return `${v.rule}: ${v.message} Reference: "${v.reference}"`;
}
