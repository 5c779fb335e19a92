/**
 * One attempt at one scenario: check its needs, open a target session, run
 * the steps under a deadline, and turn however it ended into a verdict.
 */
import { isTLibError } from '../../src/wire/errors.js';
import { Ledger, resourceKey } from '../rules/attribution.js';
import { createContext, type RunContext, type ValidateFn } from './context.js';
import { Exchange, type RecordListener } from '../message-path/exchange.js';
import { isConformanceError, type ConformanceError } from '../model/failure.js';
import type { LoadedProfile } from '../profile/model.js';
import type { Lease, ResourcePool } from '../profile/pool.js';
import { profileUnmet } from '../profile/supports.js';
import type { CaseResult, Verdict } from '../report/report-model.js';
import { UndeclaredResource } from './resources.js';
import { Observers } from './observers.js';
import { changesPair, type Scenario } from '../model/scenario.js';
import type { Target, TargetSession } from '../targets/target.js';
import { ATTEMPT_BLOCK } from './reference-ids.js';

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
  /** How long a scenario that changed a shared pair keeps it after putting it back (ContextOptions.pairSettleMs). */
  pairSettleMs?: number;
  onRecord?: RecordListener;
  /**
   * The ledger and observers of a shared target, open for the whole run.
   * Absent: the attempt's own server scope (an isolated target), with its
   * own ledger and observers.
   */
  scope?: { ledger: Ledger; observers: Observers | undefined };
  /**
   * Told of an attempt whose checks wait for the run's settle window (ctx.whenRunSettled):
   * `since` is when the window of its first check began; `finish` judges them and gives the
   * attempt's result with what they found (a passed attempt only; a failed one just closes).
   */
  waiting?: (since: number, finish: (r: CaseResult) => Promise<CaseResult>) => void;
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
  const ledger = o.scope?.ledger ?? new Ledger();
  ledger.lease(scenario.id, leaseKeys(lease));
  let seen: string[] = [];
  let outsideTables: Record<string, string[]> = {};
  let logTails: string[] = [];
  let outcome: Outcome;
  let own: Observers | undefined;
  try {
    const session = await o.target.session();
    own = o.scope ? undefined : await openObservers(o, session, exchange, ledger, lease.dns.map((d) => d.dn));
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
      pairSettleMs: o.pairSettleMs ?? 0,
      ledger,
      settleObservers: async () => (own ?? o.scope?.observers)?.settle(),
    });
    seen = run.seen;
    let stepsError: unknown;
    try {
      await withDeadline(
        (async () => {
          await scenario.run(run.ctx);
          await run.settle();
        })(),
        o.timeoutMs * DEADLINE_STEPS + o.startupMs * DEADLINE_SESSIONS,
      );
    } catch (e) {
      stepsError = e;
    } finally {
      logTails = run.logTails();
      outsideTables = run.outsideTables();
      await run.dispose();
    }
    outcome = judged(stepsError, run.violation(), ledger.take(scenario.id), exchange, own?.orphans ?? []);
    if (run.waitingSince !== undefined) {
      if (o.waiting) o.waiting(run.waitingSince, (r) => finishWaiting(run, r, o.timeoutMs * DEADLINE_STEPS, exchange, seen, outsideTables));
      else await run.finishWaiting(false);
    }
  } catch (e) {
    outcome = outcomeOf(e);
  } finally {
    own?.close();
    ledger.releaseAll(scenario.id);
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

/**
 * An attempt's checks that waited for the run's settle window: judged when it
 * passed its steps (a broken rule turns it, its evidence in the verdict),
 * else only closed.
 */
async function finishWaiting(run: RunContext, r: CaseResult, deadlineMs: number, exchange: Exchange, seen: readonly string[], outsideTables: Record<string, string[]>): Promise<CaseResult> {
  if (r.verdict !== 'pass') {
    await run.finishWaiting(false);
    return r;
  }
  let outcome: Outcome | undefined;
  try {
    await withDeadline(run.finishWaiting(true), deadlineMs);
  } catch (e) {
    outcome = outcomeOf(e);
  }
  const broken = run.violation();
  outcome ??= broken ? outcomeOf(broken) : undefined;
  return { ...r, ...outcome, ...seenFields(seen, outsideTables), exchange: exchange.records, ...(exchange.truncated ? { truncated: exchange.truncated } : {}) };
}

/** A passed attempt turned by a violation an observer found after the attempt ended (a late copy), the evidence adopted. */
export function observedVerdict(r: CaseResult, error: ConformanceError): CaseResult {
  const o = outcomeOf(error);
  return { ...r, ...o, reason: `after its steps: ${o.reason ?? ''}`, exchange: error.record ? [...r.exchange, error.record] : r.exchange };
}

type Outcome = Pick<CaseResult, 'verdict' | 'reason' | 'expected' | 'actual' | 'cause'> & { reference?: string };

/**
 * The verdict from how the steps ended and what was observed. A rule a
 * received message broke explains a later timeout or error better than they
 * do; one of this scenario's own clients saw it first, else an observer or
 * another scenario's client (attributed to this scenario), else a message no
 * scenario owns on this attempt's own server.
 */
function judged(stepsError: unknown, own: ConformanceError | undefined, attributed: ConformanceError | undefined, exchange: Exchange, orphans: readonly ConformanceError[]): Outcome {
  const received = own ?? attributed ?? orphans[0];
  if (received && received !== own && received.record) exchange.adopt(received.record);
  if (stepsError === undefined) return received ? outcomeOf(received) : { verdict: 'pass' };
  return outcomeOf(received && !(isConformanceError(stepsError) && stepsError.code === 'VIOLATION') ? received : stepsError);
}

async function openObservers(o: AttemptOptions, session: TargetSession, exchange: Exchange, ledger: Ledger, dns: string[]): Promise<Observers | undefined> {
  if (o.target.unmet('raw-wire') !== undefined) return undefined;
  const observers = new Observers({
    session,
    pair: o.target.unmet('pair') === undefined,
    exchange,
    ledger,
    validate: o.validate,
    dns,
    profile: o.profile.profile,
    timeoutMs: o.timeoutMs,
    startupMs: o.startupMs,
    nextReferenceId: observerReferences(o.firstReferenceId + ATTEMPT_BLOCK / 2),
  });
  await observers.open();
  return observers;
}

/** ReferenceIDs for observers, apart from the scenarios' own. */
export function observerReferences(first: number): () => number {
  let next = first;
  return () => (next = (next + 1) >>> 0);
}

/** What a lease lets the ledger attribute: its DNs, agents, places and call. */
function leaseKeys(lease: Lease): string[] {
  return [
    ...lease.dns.map((d) => resourceKey('dn', d.dn)),
    ...(lease.callDn ? [resourceKey('dn', lease.callDn.dn)] : []),
    ...lease.agents.flatMap((a) => [resourceKey('agent', a.agentId), ...(a.place !== undefined ? [resourceKey('place', a.place)] : [])]),
    ...(lease.call ? [resourceKey('call', lease.call.ConnID), resourceKey('dn', lease.call.ThisDN)] : []),
  ];
}

/** The behaviours the scenario recorded, then the attributes outside the tables it accepted (one sentence per event). */
function seenFields(seen: readonly string[], outsideTables: Record<string, string[]>): Pick<CaseResult, 'seen' | 'outsideTables'> {
  const events = Object.entries(outsideTables);
  const all = [...seen, ...events.map(([e, names]) => `${e} carried ${names.join(', ')}, outside its table (accepted)`)];
  return { ...(all.length ? { seen: all.join('; ') } : {}), ...(events.length ? { outsideTables } : {}) };
}

class DeadlineExceeded extends Error {}

export async function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
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

export function outcomeOf(e: unknown): Outcome {
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
