/**
 * The one exit-code scheme of every tlib-kit verb, so a CI gate can tell "the
 * server broke a rule" from "the gate itself was called wrongly".
 */
export const EXIT = {
  /** Everything checked conforms / the command did what it was asked. */
  OK: 0,
  /** Violations: a scenario failed, a message broke a rule, a run-level problem. */
  VIOLATIONS: 1,
  /** Usage or harness: bad arguments, unreadable input, a target that cannot be reached. */
  USAGE: 2,
} as const;

export const EXIT_CODES_HELP = 'Exit codes: 0 ok, 1 violations, 2 usage error, unreadable input or harness failure.';
