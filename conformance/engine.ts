/**
 * The conformance engine: runs the selected scenarios against a target and
 * returns the RunReport every report format reads. Isolated targets (a fresh
 * embedded simulator per scenario) run everything concurrently; shared
 * targets run scenarios that use control actions one at a time, after the rest.
 */
import { applyKnownFailing, combineAttempts, summarize } from './aggregate.js';
import { Ledger } from './attribution.js';
import type { ValidateFn } from './context.js';
import type { RecordListener } from './exchange.js';
import { unmatchedEntries, type KnownEntry } from './known-list.js';
import { BUILT_IN_PROFILE } from './profile/load.js';
import type { LoadedProfile } from './profile/model.js';
import { ResourcePool } from './profile/pool.js';
import { profileForShard } from './profile/shard.js';
import { seededRandom, shuffled } from './random.js';
import { REPORT_SCHEMA_VERSION, runOutsideTables, type CaseResult, type RunReport, type TargetInfo } from './report-model.js';
import { reproduceCommand } from './reproduce.js';
import { attempt } from './run-case.js';
import { changesPair, type Scenario } from './scenario.js';
import { Observers } from './observers.js';
import { observerReferences, observedVerdict } from './run-case.js';
import { Exchange } from './exchange.js';
import type { ConformanceError } from './failure.js';
import type { Target } from './target.js';

export interface EngineOptions {
  target: Target;
  scenarios: readonly Scenario[];
  /** Every scenario id of the catalogue, to tell a stale list entry from one outside the selection. */
  catalogueIds: readonly string[];
  validate: ValidateFn;
  version: string;
  /** The DNs, agents, call and credentials the run may use; default spec/profiles/default.json. */
  profile?: LoadedProfile;
  timeoutMs: number;
  quietMs?: number;
  /**
   * The run's one settle window: how late after its cause a message the target delays on
   * purpose is still caught (a late copy, an EventRestoreConnection a library hands over late).
   * Default: the profile's timeouts.settleMs, else the step timeout.
   */
  settleMs?: number;
  /** How long opening one session may take, outside the step timeout. */
  startupMs?: number;
  seed: number;
  repeat: number;
  /** The command line words after "tlib-kit", recorded in the report when the run came from the CLI. */
  argv?: readonly string[];
  concurrency?: number;
  knownFailing?: { file: string; entries: KnownEntry[] };
  knownFlaky?: { file: string; entries: KnownEntry[] };
  onRecord?: RecordListener;
  onResult?: (r: CaseResult) => void;
  /** Options besides the target, seed and timeout that change the run (--profile, --control-timeout): the Reproduce command carries them. */
  reproduceWords?: readonly string[];
  /** Each attempt of a scenario as it ends (with --repeat, a line of progress per repeat). */
  onAttempt?: (id: string, attempt: number, r: CaseResult) => void;
  /** Part i of n of a sharded run: recorded in the report; on a shared target it leases only its part of the profile (profileForShard). */
  shard?: { index: number; count: number };
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_QUIET_MS = 150;
const DEFAULT_STARTUP_MS = 10_000;

export async function runConformance(o: EngineOptions): Promise<RunReport> {
  const startedAt = new Date();
  const started = performance.now();
  const random = seededRandom(o.seed);
  const profile = o.profile ?? BUILT_IN_PROFILE;
  // A shared target leases from one pool, and other shards of the run may be on it too: this shard takes only its part.
  // An isolated target gives every attempt its own server, so its own whole pool.
  const sharedProfile = o.shard ? profileForShard(profile.profile, o.shard) : profile.profile;
  const shared = new ResourcePool(sharedProfile);
  const poolFor = (): ResourcePool => (o.target.isolated ? new ResourcePool(profile.profile) : shared);
  const referenceBase = Math.floor(random() * 0x3fffffff);
  const order = shuffled(o.scenarios, random);
  const byId = new Map<string, CaseResult>();
  /** Each scenario's attempts, kept until the run's verdict: a late break found at the end turns the attempts it counts. */
  const attemptsOf = new Map<string, CaseResult[]>();
  const target: TargetInfo = { kind: 'custom', ...o.target.info, description: o.target.description };
  const withReproduce = (r: CaseResult): CaseResult => {
    if (r.verdict === 'pass' || r.verdict === 'skip') return r;
    const command = reproduceCommand(target, r.id, o.seed, o.timeoutMs, o.reproduceWords);
    return command ? { ...r, reproduce: command } : r;
  };

  const quietMs = o.quietMs ?? profile.profile.timeouts?.quietMs ?? DEFAULT_QUIET_MS;
  const startupMs = o.startupMs ?? profile.profile.timeouts?.startupMs ?? DEFAULT_STARTUP_MS;
  const settleMs = o.settleMs ?? profile.profile.timeouts?.settleMs ?? o.timeoutMs;
  /** Attempts whose checks wait for the run's settle window (ctx.whenRunSettled). */
  const waiting: Array<{ id: string; at: number; since: number; finish: (r: CaseResult) => Promise<CaseResult> }> = [];
  const scope = o.target.isolated ? undefined : await openSharedScope(o, sharedProfile.dns.map((d) => d.dn), startupMs, referenceBase);

  const runOne = async (s: Scenario, index: number): Promise<void> => {
    const attempts: CaseResult[] = [];
    for (let i = 0; i < o.repeat; i++) {
      attempts.push(
        await attempt(s, {
          target: o.target,
          profile,
          pool: poolFor(),
          validate: o.validate,
          timeoutMs: o.timeoutMs,
          quietMs,
          startupMs,
          firstReferenceId: referenceBase + index * 10_000 + i * 1000,
          ...(o.onRecord ? { onRecord: o.onRecord } : {}),
          ...(scope ? { scope } : {}),
          waiting: (since, finish) => void waiting.push({ id: s.id, at: i, since, finish }),
        }),
      );
      o.onAttempt?.(s.id, i, attempts[i]!);
    }
    attemptsOf.set(s.id, attempts);
    const result = withReproduce(combineAttempts(attempts, o.knownFlaky?.entries ?? []));
    byId.set(s.id, result);
    // A scenario whose checks wait for the run's settle window is reported once they are judged.
    if (!waiting.some((w) => w.id === s.id)) o.onResult?.(result);
  };

  // Numbered by the catalogue, not the selection: `--run <id> --seed N` then sends the same ReferenceIDs as the full run.
  const place = (s: Scenario): number => {
    const i = o.catalogueIds.indexOf(s.id);
    return i < 0 ? o.catalogueIds.length + o.scenarios.indexOf(s) : i;
  };
  const indexed = order.map((s) => ({ s, index: place(s) }));
  const exclusive = (s: Scenario): boolean => !o.target.isolated && changesPair(s);
  await pool(indexed.filter((x) => !exclusive(x.s)), o.concurrency ?? DEFAULT_CONCURRENCY, (x) => runOne(x.s, x.index));
  await pool(indexed.filter((x) => exclusive(x.s)), 1, (x) => runOne(x.s, x.index));

  const stepsEnded = performance.now();

  // One settle window per run, not per scenario: a message the target delays on purpose has come by the
  // window's end. It is counted from the last scenario's steps for the observers (a late copy) and from each
  // waiting check's start; a barrier then proves whatever was sent before it is judged: a round trip on each
  // observer's own connection, on both servers, and each waiting check's own.
  const from = Math.max(scope?.observers ? stepsEnded : -Infinity, ...waiting.map((w) => w.since));
  if (from > -Infinity) await new Promise((r) => setTimeout(r, Math.max(0, from + settleMs - performance.now())));
  const problems: string[] = [];
  const turned = new Set<string>();
  await Promise.all(
    waiting.map(async (w) => {
      const list = attemptsOf.get(w.id)!;
      list[w.at] = await w.finish(list[w.at]!);
      turned.add(w.id);
    }),
  );
  if (scope) {
    await scope.observers?.settle();
    for (const [id, { error, causes }] of scope.ledger.untaken()) {
      const late = turnLate(attemptsOf.get(id) ?? [], error, causes.size);
      if (!late) continue;
      attemptsOf.set(id, late);
      turned.add(id);
    }
    problems.push(...(scope.observers?.orphans ?? []).map((e) => `observed, owned by no scenario: ${e.message}${e.sentence ? ` (${e.sentence})` : ''}`));
    scope.observers?.close();
    await scope.release();
  }
  for (const id of turned) {
    const result = withReproduce(combineAttempts(attemptsOf.get(id)!, o.knownFlaky?.entries ?? []));
    byId.set(id, result);
    o.onResult?.(result);
  }
  let results = o.scenarios.map((s) => byId.get(s.id)!);
  if (o.knownFailing) {
    const applied = applyKnownFailing(results, o.knownFailing.entries);
    results = applied.results;
    problems.push(...applied.problems, ...unmatchedEntries(o.knownFailing.entries, o.catalogueIds, o.knownFailing.file));
  }
  if (o.knownFlaky) problems.push(...unmatchedEntries(o.knownFlaky.entries, o.catalogueIds, o.knownFlaky.file));
  const outsideTables = runOutsideTables(results);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'tlib-kit',
    version: o.version,
    target,
    node: process.version,
    ...(o.argv ? { argv: [...o.argv] } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    seed: o.seed,
    timeoutMs: o.timeoutMs,
    results,
    summary: summarize(results),
    ...(o.repeat > 1 ? { repeat: o.repeat } : {}),
    ...(problems.length ? { problems } : {}),
    ...(outsideTables ? { outsideTables } : {}),
    ...(o.shard && o.shard.count > 1 ? { shard: { index: o.shard.index, count: o.shard.count } } : {}),
  };
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

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
