/**
 * Why a scenario stopped: each kind maps to one verdict, so the engine never
 * has to guess from an error's text.
 */
import type { WireRecord } from './report-model.js';

export type FailureCode =
  | 'VIOLATION' // the target broke the rule: verdict 'fail'
  | 'STEP_TIMEOUT' // a step waited for a message that never came: verdict 'timeout'
  | 'TARGET_ERROR'; // the run itself broke (connection, control hook): verdict 'error'

export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
  readonly code: FailureCode;
  readonly expected: string | undefined;
  readonly actual: string | undefined;
  /** The exchange record the verdict blames, when one message is to blame. */
  readonly record: WireRecord | undefined;

  constructor(code: FailureCode, message: string, detail: { expected?: string; actual?: string; record?: WireRecord } = {}) {
    super(message);
    this.code = code;
    this.expected = detail.expected;
    this.actual = detail.actual;
    this.record = detail.record;
  }
}

export function violation(message: string, expected: string, actual: string, record?: WireRecord): ConformanceError {
  return new ConformanceError('VIOLATION', message, { expected, actual, ...(record ? { record } : {}) });
}

/** `record` is the exchange's note of the wait, blamed so the reports point at it. */
export function stepTimeout(what: string, ms: number, who: string, record?: WireRecord): ConformanceError {
  return new ConformanceError('STEP_TIMEOUT', `${who} waited ${ms} ms for ${what}; nothing matching came`, {
    expected: what,
    actual: `nothing within ${ms} ms`,
    ...(record ? { record } : {}),
  });
}

export function targetError(message: string): ConformanceError {
  return new ConformanceError('TARGET_ERROR', message);
}

export function isConformanceError(e: unknown): e is ConformanceError {
  return e instanceof ConformanceError;
}
