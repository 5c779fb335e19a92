/**
 * Why a scenario stopped: each kind maps to one verdict, so the engine never
 * has to guess from an error's text.
 */
import type { WireRecord } from '../report/report-model.js';

export type FailureCode =
  | 'VIOLATION' // the target broke the rule: verdict 'fail'
  | 'STEP_TIMEOUT' // a step waited for a message that never came: verdict 'timeout'
  | 'TARGET_ERROR' // the run itself broke (connection, control hook): verdict 'error'
  | 'REFUSED' // the target answered a request with EventError: verdict 'error', cause 'refused'
  | 'UNDECODABLE'; // the target sent a frame the codec cannot decode: verdict 'fail', cause 'undecodable'

export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
  readonly code: FailureCode;
  readonly expected: string | undefined;
  readonly actual: string | undefined;
  /** The exchange record the verdict blames, when one message is to blame. */
  readonly record: WireRecord | undefined;
  /** The sentence of the reference the failed check enforces (the verdict quotes it, not the scenario's headline). */
  readonly sentence: string | undefined;
  /** Set when the target refused or sent an undecodable frame (CaseResult.cause), whatever the verdict. */
  readonly outcomeCause: 'refused' | 'undecodable' | undefined;

  constructor(code: FailureCode, message: string, detail: { expected?: string; actual?: string; record?: WireRecord; sentence?: string; cause?: 'refused' | 'undecodable' } = {}) {
    super(message);
    this.code = code;
    this.outcomeCause = detail.cause ?? (code === 'REFUSED' ? 'refused' : code === 'UNDECODABLE' ? 'undecodable' : undefined);
    this.expected = detail.expected;
    this.actual = detail.actual;
    this.record = detail.record;
    this.sentence = detail.sentence;
  }
}

export function violation(message: string, expected: string, actual: string, record?: WireRecord, sentence?: string): ConformanceError {
  return new ConformanceError('VIOLATION', message, { expected, actual, ...(record ? { record } : {}), ...(sentence ? { sentence } : {}) });
}

/** `record` is the exchange's note of the wait, blamed so the reports point at it. */
export function stepTimeout(what: string, ms: number, who: string, record?: WireRecord, sentence?: string): ConformanceError {
  return new ConformanceError('STEP_TIMEOUT', `${who} waited ${ms} ms for ${what}; nothing matching came`, {
    expected: what,
    actual: `nothing within ${ms} ms`,
    ...(record ? { record } : {}),
    ...(sentence ? { sentence } : {}),
  });
}

export function targetError(message: string): ConformanceError {
  return new ConformanceError('TARGET_ERROR', message);
}

export function isConformanceError(e: unknown): e is ConformanceError {
  return e instanceof ConformanceError;
}

/** The words of an EventError answer: its ErrorCode and ErrorMessage, quoted. */
export function errorWords(answer: { ErrorCode?: unknown; ErrorMessage?: unknown }): string {
  const code = answer.ErrorCode === undefined ? 'no ErrorCode' : `ErrorCode ${String(answer.ErrorCode)}`;
  const text = typeof answer.ErrorMessage === 'string' ? `ErrorMessage ${JSON.stringify(answer.ErrorMessage)}` : 'no ErrorMessage';
  return `${code}, ${text}`;
}

/** The target answered `request` with EventError: no rule can be judged on an answer that did not come. */
export function refused(request: string, expected: string, answer: { ErrorCode?: unknown; ErrorMessage?: unknown }, actual: string, record?: WireRecord): ConformanceError {
  return new ConformanceError('REFUSED', `${request} was refused: EventError (${errorWords(answer)})`, { expected, actual, ...(record ? { record } : {}) });
}

/** A frame the codec could not decode: the wire format's rules are broken, whatever the scenario waited for. */
export function undecodable(who: string, why: string, record?: WireRecord): ConformanceError {
  return new ConformanceError('UNDECODABLE', `${who} received an undecodable frame: ${why}`, {
    expected: 'frames spec/wire-format.md decodes',
    actual: why,
    ...(record ? { record } : {}),
    sentence: 'spec/wire-format.md: every frame is a length-prefixed message the codec decodes',
  });
}

/** A refusal where the sentence under test requires the answer: the rule is broken (verdict 'fail'), the cause still 'refused'. */
export function refusalBreaks(e: ConformanceError, sentence: string): ConformanceError {
  return new ConformanceError('VIOLATION', e.message, {
    ...(e.expected !== undefined ? { expected: e.expected } : {}),
    ...(e.actual !== undefined ? { actual: e.actual } : {}),
    ...(e.record ? { record: e.record } : {}),
    sentence,
    cause: 'refused',
  });
}
