/**
 * The conformance engine: runs the selected scenarios against a target and
 * returns the RunReport every report format reads. Isolated targets (a fresh
 * embedded simulator per scenario) run everything concurrently; shared
 * targets run scenarios that use control actions one at a time, after the rest.
 */
import { Ledger } from '../rules/attribution.js';
import type { ValidateFn } from './context.js';
import { BUILT_IN_PROFILE } from '../profile/load.js';
import type { LoadedProfile } from '../profile/model.js';
import { ResourcePool } from '../profile/pool.js';
import { profileForShard } from '../profile/shard.js';
import { seededRandom, shuffled } from './random.js';
import type { CaseResult, RunReport, TargetInfo } from '../report/report-model.js';
import { firstReferenceId } from './reference-ids.js';
import { reproduceCommand } from './reproduce.js';
import { attempt } from './run-case.js';
import { runScenarios, type Revise, type RunOptions } from './run-scenarios.js';
import { changesPair, type Scenario } from '../model/scenario.js';
import { Observers } from './observers.js';
import { observerReferences, observedVerdict } from './run-case.js';
import { Exchange } from '../message-path/exchange.js';
import type { ConformanceError } from '../model/failure.js';
import type { Target } from '../targets/target.js';

export interface EngineOptions extends RunOptions<Scenario> {
  target: Target;
  validate: ValidateFn;
  /** The DNs, agents, call and credentials the run may use; default spec/profiles/default.json. */
  profile?: LoadedProfile;
  quietMs?: number;
  /**
   * The run's one settle window: how late after its cause a message the target delays on
   * purpose is still caught (a late copy, an EventRestoreConnection a library hands over late).
   * Default: the profile's timeouts.settleMs, else the step timeout.
   */
  settleMs?: number;
  /** How long opening one session may take, outside the step timeout. */
  startupMs?: number;
  /** Options besides the target, seed and timeout that change the run (--profile, --control-timeout): the Reproduce command carries them. */
  reproduceWords?: readonly string[];
  /** Each attempt of a scenario as it ends (with --repeat, a line of progress per repeat). */
  onAttempt?: (id: string, attempt: number, r: CaseResult) => void;
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_QUIET_MS = 150;
const DEFAULT_STARTUP_MS = 10_000;

/** A target that knows what its switch lacks (the embedded one) names the negative inputs; otherwise the profile does. */
function withTargetAbsent(loaded: LoadedProfile, target: Target): LoadedProfile {
  if (target.absent === undefined) return loaded;
  return { ...loaded, profile: { ...loaded.profile, absent: target.absent } };
}

export async function runConformance(o: EngineOptions): Promise<RunReport> {
  const random = seededRandom(o.seed);
  const profile = withTargetAbsent(o.profile ?? BUILT_IN_PROFILE, o.target);
  // A shared target leases from one pool, and other shards of the run may be on it too: this shard takes only its part.
  // An isolated target gives every attempt its own server, so its own whole pool.
  const sharedProfile = o.shard ? profileForShard(profile.profile, o.shard) : profile.profile;
  const shared = new ResourcePool(sharedProfile);
  const poolFor = (): ResourcePool => (o.target.isolated ? new ResourcePool(profile.profile) : shared);
  const referenceBase = Math.floor(random() * 0x3fffffff);
  const order = shuffled(o.scenarios, random);
  const target: TargetInfo = { kind: 'custom', ...o.target.info, description: o.target.description };

  const quietMs = o.quietMs ?? profile.profile.timeouts?.quietMs ?? DEFAULT_QUIET_MS;
  const startupMs = o.startupMs ?? profile.profile.timeouts?.startupMs ?? DEFAULT_STARTUP_MS;
  const settleMs = o.settleMs ?? profile.profile.timeouts?.settleMs ?? o.timeoutMs;
  const scope = o.target.isolated ? undefined : await openSharedScope(o, sharedProfile.dns.map((d) => d.dn), startupMs, referenceBase);
  /** Attempts whose checks wait for the run's settle window (ctx.whenRunSettled). */
  const waiting: Waiting[] = [];

  // Numbered by the catalogue, not the selection: `--run <id> --seed N` then sends the same ReferenceIDs as the full run.
  const place = (s: Scenario): number => {
    const i = o.catalogueIds.indexOf(s.id);
    return i < 0 ? o.catalogueIds.length + o.scenarios.indexOf(s) : i;
  };
  const places = o.catalogueIds.length + o.scenarios.length;
  const exclusive = (s: Scenario): boolean => !o.target.isolated && changesPair(s);

  return runScenarios({
    ...o,
    target,
    batches: [
      { scenarios: order.filter((s) => !exclusive(s)), concurrency: o.concurrency ?? DEFAULT_CONCURRENCY },
      { scenarios: order.filter(exclusive), concurrency: 1 },
    ],
    attempt: async (s, i) => {
      let wait: Pick<Waiting, 'since' | 'finish'> | undefined;
      const r = await attempt(s, {
        target: o.target,
        profile,
        pool: poolFor(),
        validate: o.validate,
        timeoutMs: o.timeoutMs,
        quietMs,
        startupMs,
        firstReferenceId: firstReferenceId(referenceBase, places, place(s), i),
        // A shared pair: what a pair change sends late is still the changer's (the lease is held meanwhile).
        pairSettleMs: o.target.isolated ? 0 : settleMs,
        ...(o.onRecord ? { onRecord: o.onRecord } : {}),
        ...(scope ? { scope } : {}),
        waiting: (since, finish) => void (wait = { since, finish }),
      });
      if (wait) waiting.push({ id: s.id, at: i, result: r, ...wait });
      return r;
    },
    reproduce: (id) => reproduceCommand(target, id, o.seed, o.timeoutMs, o.reproduceWords),
    settle: (revise: Revise) => settleRun(scope, waiting, settleMs, revise),
    heldUntilSettled: (id) => waiting.some((w) => w.id === id),
  });
}

/** An attempt whose checks wait for the run's settle window. */
interface Waiting {
  id: string;
  /** Which attempt of the scenario. */
  at: number;
  /** Its result as its steps ended. */
  result: CaseResult;
  /** When its window began. */
  since: number;
  finish: (r: CaseResult) => Promise<CaseResult>;
}

/**
 * One settle window per run, not per scenario: a message the target delays on purpose has come by the
 * window's end. It is counted from the last scenario's steps for the observers (a late copy) and from each
 * waiting check's start; a barrier then proves whatever was sent before it is judged: each waiting check's
 * own, and a round trip on each observer's own connection, on both servers. A rule broken in a message no
 * attempt took fails the scenario that owns the message, one passed attempt per break.
 */
async function settleRun(scope: SharedScope | undefined, waiting: readonly Waiting[], settleMs: number, revise: Revise): Promise<string[]> {
  const from = Math.max(scope?.observers ? performance.now() : -Infinity, ...waiting.map((w) => w.since));
  if (from > -Infinity) await new Promise((r) => setTimeout(r, Math.max(0, from + settleMs - performance.now())));
  const judged = await Promise.all(waiting.map(async (w) => ({ ...w, result: await w.finish(w.result) })));
  await scope?.observers?.settle();
  const untaken = scope?.ledger.untaken() ?? new Map<string, never>();
  for (const id of new Set([...judged.map((w) => w.id), ...untaken.keys()])) {
    revise(id, (attempts) => {
      const mine = judged.filter((w) => w.id === id);
      const after = attempts.map((a, i) => mine.find((w) => w.at === i)?.result ?? a);
      const late = untaken.get(id);
      const turned = late && turnLate(after, late.error, late.causes.size);
      return turned ?? (mine.length ? after : undefined);
    });
  }
  const problems = (scope?.observers?.orphans ?? []).map((e) => `observed, owned by no scenario: ${e.message}${e.sentence ? ` (${e.sentence})` : ''}`);
  scope?.observers?.close();
  await scope?.release();
  return problems;
}

/**
 * The attempts with the late breaks counted in: one passed attempt turned per
 * distinct cause (a repeated scenario breaks a rule once per attempt), the
 * latest first, since an earlier attempt's late break is taken by the attempt
 * running when it comes. Undefined when nothing passed that could be turned.
 */
function turnLate(attempts: readonly CaseResult[], error: ConformanceError, causes: number): CaseResult[] | undefined {
  const passed = attempts.flatMap((a, i) => (a.verdict === 'pass' ? [i] : []));
  if (passed.length === 0) return undefined;
  const turn = new Set(passed.slice(-Math.max(1, causes)));
  return attempts.map((a, i) => (turn.has(i) ? observedVerdict(a, error) : a));
}

interface SharedScope {
  ledger: Ledger;
  observers: Observers | undefined;
  release(): Promise<void>;
}

/** A shared target's ledger and observers, open for the whole run, on the DNs this run (or shard) leases. */
async function openSharedScope(o: EngineOptions, dns: readonly string[], startupMs: number, referenceBase: number): Promise<SharedScope> {
  const ledger = new Ledger();
  if (o.target.unmet('raw-wire') !== undefined) return { ledger, observers: undefined, release: async () => undefined };
  const session = await o.target.session();
  const observers = new Observers({
    session,
    pair: o.target.unmet('pair') === undefined,
    exchange: new Exchange('observers', o.onRecord),
    ledger,
    validate: o.validate,
    dns,
    profile: (o.profile ?? BUILT_IN_PROFILE).profile,
    timeoutMs: o.timeoutMs,
    startupMs,
    nextReferenceId: observerReferences((referenceBase + 0x40000000) >>> 0),
  });
  await observers.open();
  return { ledger, observers, release: () => session.release() };
}
