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
import { reproduceCommand } from './reproduce.js';
import { attempt } from './run-case.js';
import { runScenarios, type Revise, type RunOptions } from './run-scenarios.js';
import { changesPair, type Scenario } from '../model/scenario.js';
import { Observers } from './observers.js';
import { observerReferences, observedVerdict } from './run-case.js';
import { Exchange } from '../message-path/exchange.js';
import type { Target } from '../targets/target.js';

export interface EngineOptions extends RunOptions<Scenario> {
  target: Target;
  validate: ValidateFn;
  /** The DNs, agents, call and credentials the run may use; default spec/profiles/default.json. */
  profile?: LoadedProfile;
  quietMs?: number;
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
  const scope = o.target.isolated ? undefined : await openSharedScope(o, sharedProfile.dns.map((d) => d.dn), startupMs, referenceBase);

  // Numbered by the catalogue, not the selection: `--run <id> --seed N` then sends the same ReferenceIDs as the full run.
  const place = (s: Scenario): number => {
    const i = o.catalogueIds.indexOf(s.id);
    return i < 0 ? o.catalogueIds.length + o.scenarios.indexOf(s) : i;
  };
  const exclusive = (s: Scenario): boolean => !o.target.isolated && changesPair(s);

  return runScenarios({
    ...o,
    target,
    batches: [
      { scenarios: order.filter((s) => !exclusive(s)), concurrency: o.concurrency ?? DEFAULT_CONCURRENCY },
      { scenarios: order.filter(exclusive), concurrency: 1 },
    ],
    attempt: (s, i) =>
      attempt(s, {
        target: o.target,
        profile,
        pool: poolFor(),
        validate: o.validate,
        timeoutMs: o.timeoutMs,
        quietMs,
        startupMs,
        firstReferenceId: referenceBase + place(s) * 10_000 + i * 1000,
        ...(o.onRecord ? { onRecord: o.onRecord } : {}),
        ...(scope ? { scope } : {}),
      }),
    reproduce: (id) => reproduceCommand(target, id, o.seed, o.timeoutMs, o.reproduceWords),
    ...(scope ? { settle: (revise: Revise) => settleShared(scope, o.timeoutMs, revise) } : {}),
  });
}

/**
 * A copy may come as late as any answer may (one step timeout after the last scenario's steps); then the
 * final barrier, a round trip on each observer's own connection, proves everything sent before it was judged.
 * A rule broken in a message no attempt took fails the scenario that owns the message.
 */
async function settleShared(scope: SharedScope, timeoutMs: number, revise: Revise): Promise<string[]> {
  if (scope.observers) await new Promise((r) => setTimeout(r, timeoutMs));
  await scope.observers?.settle();
  for (const [id, { error, causes }] of scope.ledger.untaken()) {
    revise(id, (r) => (r.verdict === 'pass' ? observedVerdict(r, error, Math.max(1, causes.size)) : undefined));
  }
  const problems = (scope.observers?.orphans ?? []).map((e) => `observed, owned by no scenario: ${e.message}${e.sentence ? ` (${e.sentence})` : ''}`);
  scope.observers?.close();
  await scope.release();
  return problems;
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
