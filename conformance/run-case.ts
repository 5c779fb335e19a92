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
import { changesPair, type Scenario } from './scenario.js';
import type { Target } from './target.js';

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
  return { id: s.id, title: s.title, level: s.level, reference: s.reference };
}

export async function attempt(scenario: Scenario, o: AttemptOptions): Promise<CaseResult> {
  const unmet = unmetReason(scenario, o.target, o.profile, o.pool);
  if (unmet) return { ...baseResult(scenario), verdict: 'skip', reason: unmet, durationMs: 0, exchange: [] };
  const lease = await o.pool.acquire(scenario.uses ?? {});
  // Other runs on the pair (the other shards) see this one: nothing runs beside a scenario that changes the pair.
  let releasePair: (() => void) | undefined;
  try {
    releasePair = o.target.isolated ? undefined : await o.target.lease?.(changesPair(scenario) ? 'exclusive' : 'shared');
  } catch (e) {
    o.pool.release(lease);
    return { ...baseResult(scenario), ...outcomeOf(e), durationMs: 0, exchange: [] };
  }
  const exchange = new Exchange(scenario.id, o.onRecord);
  const started = performance.now();
  let seen: string[] = [];
  let outsideTables: Record<string, string[]> = {};
  let logTails: string[] = [];
  let outcome: Pick<CaseResult, 'verdict' | 'reason' | 'expected' | 'actual' | 'cause'> & { reference?: string };
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
      await withDeadline(scenario.run(run.ctx), o.timeoutMs * DEADLINE_STEPS + o.startupMs * DEADLINE_SESSIONS);
      const received = run.violation();
      if (received) throw received;
      outcome = { verdict: 'pass' };
    } catch (e) {
      // A rule a received message broke explains a later timeout or error better than they do.
      const received = run.violation();
      throw received && !(isConformanceError(e) && e.code === 'VIOLATION') ? received : e;
    } finally {
      logTails = run.logTails();
      outsideTables = run.outsideTables();
      await run.dispose();
    }
  } catch (e) {
    outcome = outcomeOf(e);
  } finally {
    releasePair?.();
    o.pool.release(lease);
  }
  // A bridge that broke a scenario says why on its stderr: the verdict quotes it, not only --trace.
  if (outcome.verdict !== 'pass' && logTails.length) outcome = { ...outcome, reason: `${outcome.reason ?? outcome.verdict}; log: ${logTails.join('; ')}` };
  return {
    ...baseResult(scenario),
    ...outcome,
    ...seenFields(seen, outsideTables),
    durationMs: Math.round(performance.now() - started),
    exchange: exchange.records,
    ...(exchange.truncated ? { truncated: exchange.truncated } : {}),
  };
}

/** The behaviours the scenario recorded, then the attributes outside the tables it accepted (one sentence per event). */
function seenFields(seen: readonly string[], outsideTables: Record<string, string[]>): Pick<CaseResult, 'seen' | 'outsideTables'> {
  const events = Object.entries(outsideTables);
  const all = [...seen, ...events.map(([e, names]) => `${e} carried ${names.join(', ')}, outside its table (accepted)`)];
  return { ...(all.length ? { seen: all.join('; ') } : {}), ...(events.length ? { outsideTables } : {}) };
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

const VERDICT_OF: Record<ConformanceError['code'], Verdict> = { VIOLATION: 'fail', STEP_TIMEOUT: 'timeout', TARGET_ERROR: 'error', REFUSED: 'error', UNDECODABLE: 'fail' };

function outcomeOf(e: unknown): Pick<CaseResult, 'verdict' | 'reason' | 'expected' | 'actual' | 'cause'> & { reference?: string } {
  if (isConformanceError(e)) {
    if (e.record) e.record.violation = true;
    const cause = e.outcomeCause;
    return {
      verdict: VERDICT_OF[e.code],
      ...(cause ? { cause } : {}),
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
