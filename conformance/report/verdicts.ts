/** How each verdict is shown, in one table so every report agrees. */
import type { Verdict } from './report-model.js';
import type { Style } from './ansi.js';

export interface VerdictLook {
  /** One narrow character for terminal lines. */
  mark: string;
  /** Badge text. */
  label: string;
  /** Plural heading for counts. */
  heading: string;
  style: Style;
}

export const VERDICT_LOOK: Record<Verdict, VerdictLook> = {
  pass: { mark: '✓', label: 'PASS', heading: 'passed', style: 'green' },
  fail: { mark: '✗', label: 'FAIL', heading: 'failed', style: 'red' },
  timeout: { mark: '⧖', label: 'TIMEOUT', heading: 'timed out', style: 'magenta' },
  error: { mark: '!', label: 'ERROR', heading: 'errors', style: 'red' },
  skip: { mark: '○', label: 'SKIP', heading: 'skipped', style: 'yellow' },
  'known-failure': { mark: '✗', label: 'KNOWN FAILURE', heading: 'known failures', style: 'gray' },
  flaky: { mark: '≈', label: 'FLAKY', heading: 'flaky', style: 'yellow' },
};

/** Display order: problems first, so they are seen first. */
export const VERDICT_ORDER: readonly Verdict[] = ['fail', 'timeout', 'error', 'flaky', 'known-failure', 'skip', 'pass'];

/** Verdicts that make a run fail (the others pass or are tolerated by a list). */
export function isProblem(v: Verdict): boolean {
  return v === 'fail' || v === 'timeout' || v === 'error';
}
