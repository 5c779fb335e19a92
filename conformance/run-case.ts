/**
 * One attempt at one scenario: check its needs, open a target session, run
 * the steps under a deadline, and turn however it ended into a verdict.
 */
import { isTLibError } from '../src/index.js';
import { createContext, type ValidateFn } from './context.js';
import { Exchange, type RecordListener } from './exchange.js';
import { isConformanceError, type ConformanceError } from './failure.js';
import type { LoadedProfile } from './profile/model.js';
import type { ResourcePool } from './profile/pool.js';
import { profileUnmet } from './profile/supports.js';
import type { CaseResult, Verdict } from './report-model.js';
import { UndeclaredResource } from './resources.js';
import type { Scenario } from './scenario.js';
import type { Target } from './target.js';
import { withDeadline } from '../src/util/deadline.js';

export interface AttemptOptions {
  target: Target;
  profile: LoadedProfile;
  /** Leases the profile's resources: one pool per run on a shared target, a fresh one per attempt on an isolated one. */
  pool: ResourcePool;
  validate: ValidateFn;
  timeoutMs: number;
  quietMs: number;
  startupMs: number;
  firstReferenceId: number;
  onRecord?: RecordListener;
}

/** Steps are bounded by timeoutMs each; this bounds a scenario whose own code waits on something that never settles. */
const DEADLINE_STEPS = 20;
/** Session openings are bounded by startupMs each, outside the steps' budget. */
const DEADLINE_SESSIONS = 5;

export function unmetReason(scenario: Scenario, target: Target, profile: LoadedProfile, pool: ResourcePool): string | undefined {
  const reasons = scenario.needs.map((n) => target.unmet(n) ?? profileUnmet(n, profile)).filter((r): r is string => r !== undefined);
  if (reasons.length) return `needs ${scenario.needs.join(', ')}: ${reasons.join('; ')}`;
  const use = scenario.uses ?? {};
  const lacks = pool.lacks(use) ?? (use.call ? callUnmet(target, profile) : undefined);
  return lacks ? `${lacks} [${profile.source}]` : undefined;
}

/** A profile that obtains calls through the hook needs one that can. */
function callUnmet(target: Target, profile: LoadedProfile): string | undefined {
  if (profile.profile.call?.obtain !== 'control') return undefined;
  const why = target.unmet('control:call') ?? profileUnmet('control:call', profile);
  return why && `needs a call, which the profile obtains through the control hook: ${why}`;
}

export function baseResult(s: Scenario): Omit<CaseResult, 'verdict' | 'durationMs' | 'exchange'> {
  return { id: s.id, title: s.title, level: s.level, reference: s.reference, cites: [...s.cites] };
}

export async function attempt(scenario: Scenario, o: AttemptOptions): Promise<CaseResult> {
  const unmet = unmetReason(scenario, o.target, o.profile, o.pool);
  if (unmet) return { ...baseResult(scenario), verdict: 'skip', reason: unmet, durationMs: 0, exchange: [] };
  const lease = await o.pool.acquire(scenario.uses ?? {});
  const exchange = new Exchange(scenario.id, o.onRecord);
  const started = performance.now();
  let seen: string[] = [];
  let logTails: string[] = [];
  let outcome: Pick<CaseResult, 'verdict' | 'reason' | 'expected' | 'actual'> & { reference?: string };
  try {
    const session = await o.target.session();
    const run = createContext({
      scenarioId: scenario.id,
      session,
      exchange,
      validate: o.validate,
      timeoutMs: o.timeoutMs,
      quietMs: o.quietMs,
      startupMs: o.startupMs,
      profile: o.profile.profile,
      lease,
      firstReferenceId: o.firstReferenceId,
    });
    seen = run.seen;
    try {
      const ms = o.timeoutMs * DEADLINE_STEPS + o.startupMs * DEADLINE_SESSIONS;
      await withDeadline(scenario.run(run.ctx), ms, () => new DeadlineExceeded(`the scenario did not finish within ${ms} ms`));
      const received = run.violation();
      if (received) throw received;
      outcome = { verdict: 'pass' };
    } catch (e) {
      // A rule a received message broke explains a later timeout or error better than they do.
      const received = run.violation();
      throw received && !(isConformanceError(e) && e.code === 'VIOLATION') ? received : e;
    } finally {
      logTails = run.logTails();
      await run.dispose();
    }
  } catch (e) {
    outcome = outcomeOf(e);
  } finally {
    o.pool.release(lease);
  }
  // A bridge that broke a scenario says why on its stderr: the verdict quotes it, not only --trace.
  if (outcome.verdict !== 'pass' && logTails.length) outcome = { ...outcome, reason: `${outcome.reason ?? outcome.verdict}; log: ${logTails.join('; ')}` };
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


const VERDICT_OF: Record<ConformanceError['code'], Verdict> = { VIOLATION: 'fail', STEP_TIMEOUT: 'timeout', TARGET_ERROR: 'error' };

function outcomeOf(e: unknown): Pick<CaseResult, 'verdict' | 'reason' | 'expected' | 'actual'> & { reference?: string } {
  if (isConformanceError(e)) {
    if (e.record) e.record.violation = true;
    return {
      verdict: VERDICT_OF[e.code],
      reason: e.message,
      ...(e.sentence !== undefined ? { reference: e.sentence } : {}),
      ...(e.expected !== undefined ? { expected: e.expected } : {}),
      ...(e.actual !== undefined ? { actual: e.actual } : {}),
    };
  }
  if (e instanceof DeadlineExceeded) return { verdict: 'timeout', reason: e.message };
  if (e instanceof UndeclaredResource) return { verdict: 'error', reason: `internal error: ${e.message}` };
  // Anything else is a fault of the runner or of a scenario's own code, not of the target.
  const what = isTLibError(e) ? `codec ${e.code}: ${e.message}` : e instanceof Error ? (e.stack ?? e.message) : String(e);
  return { verdict: 'error', reason: `internal error: ${what}` };
}
