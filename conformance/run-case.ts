/**
 * One attempt at one scenario: check its needs, open a target session, run
 * the steps under a deadline, and turn however it ended into a verdict.
 */
import { isTLibError } from '../src/index.js';
import { createContext, type ValidateFn } from './context.js';
import { Exchange, type RecordListener } from './exchange.js';
import { isConformanceError, type ConformanceError } from './failure.js';
import type { CaseResult, Verdict } from './report-model.js';
import type { Scenario } from './scenario.js';
import type { Target } from './target.js';

export interface AttemptOptions {
  target: Target;
  validate: ValidateFn;
  timeoutMs: number;
  quietMs: number;
  runTag: string;
  firstReferenceId: number;
  onRecord?: RecordListener;
}

/** Steps are bounded by timeoutMs each; this bounds a scenario whose own code waits on something that never settles. */
const DEADLINE_STEPS = 20;

export function unmetReason(scenario: Scenario, target: Target): string | undefined {
  const reasons = scenario.needs.map((n) => target.unmet(n)).filter((r): r is string => r !== undefined);
  return reasons.length ? `needs ${scenario.needs.join(', ')}: ${reasons.join('; ')}` : undefined;
}

export function baseResult(s: Scenario): Omit<CaseResult, 'verdict' | 'durationMs' | 'exchange'> {
  return { id: s.id, title: s.title, level: s.level, reference: s.reference };
}

export async function attempt(scenario: Scenario, o: AttemptOptions): Promise<CaseResult> {
  const unmet = unmetReason(scenario, o.target);
  if (unmet) return { ...baseResult(scenario), verdict: 'skip', reason: unmet, durationMs: 0, exchange: [] };
  const exchange = new Exchange(scenario.id, o.onRecord);
  const started = performance.now();
  let seen: string[] = [];
  let outcome: Pick<CaseResult, 'verdict' | 'reason' | 'expected' | 'actual'>;
  try {
    const session = await o.target.session();
    const run = createContext({ scenarioId: scenario.id, session, exchange, validate: o.validate, timeoutMs: o.timeoutMs, quietMs: o.quietMs, runTag: o.runTag, firstReferenceId: o.firstReferenceId });
    seen = run.seen;
    try {
      await withDeadline(scenario.run(run.ctx), o.timeoutMs * DEADLINE_STEPS);
      outcome = { verdict: 'pass' };
    } finally {
      await run.dispose();
    }
  } catch (e) {
    outcome = outcomeOf(e);
  }
  return {
    ...baseResult(scenario),
    ...outcome,
    ...(seen.length ? { seen: seen.join('; ') } : {}),
    durationMs: Math.round(performance.now() - started),
    exchange: exchange.records,
    ...(exchange.truncated ? { truncated: exchange.truncated } : {}),
  };
}

class DeadlineExceeded extends Error {}

async function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`the scenario did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const VERDICT_OF: Record<ConformanceError['code'], Verdict> = { VIOLATION: 'fail', STEP_TIMEOUT: 'timeout', TARGET_ERROR: 'error' };

function outcomeOf(e: unknown): Pick<CaseResult, 'verdict' | 'reason' | 'expected' | 'actual'> {
  if (isConformanceError(e)) {
    if (e.record) e.record.violation = true;
    return {
      verdict: VERDICT_OF[e.code],
      reason: e.message,
      ...(e.expected !== undefined ? { expected: e.expected } : {}),
      ...(e.actual !== undefined ? { actual: e.actual } : {}),
    };
  }
  if (e instanceof DeadlineExceeded) return { verdict: 'timeout', reason: e.message };
  // Anything else is a fault of the runner or of a scenario's own code, not of the target.
  const what = isTLibError(e) ? `codec ${e.code}: ${e.message}` : e instanceof Error ? (e.stack ?? e.message) : String(e);
  return { verdict: 'error', reason: `internal error: ${what}` };
}
