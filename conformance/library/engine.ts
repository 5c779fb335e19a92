/**
 * `tlib-kit conform --library`: runs the selected library scenarios against a
 * bridge and returns the RunReport every report format reads, with the
 * known-failing, known-flaky and repeat handling of server conformance.
 */
import { applyKnownFailing, combineAttempts, summarize } from '../runner/aggregate.js';
import type { RecordListener } from '../message-path/exchange.js';
import { unmatchedEntries, type KnownEntry } from '../runner/known-list.js';
import { seededRandom, shuffled } from '../runner/random.js';
import { REPORT_SCHEMA_VERSION, type CaseResult, type RunReport, type TargetInfo } from '../report/report-model.js';
import { shellWord } from '../runner/reproduce.js';
import { attemptLibrary } from './attempt.js';
import type { UserDataForm } from './forms.js';
import type { LibraryScenario } from './scenario.js';

export interface LibraryEngineOptions {
  /** The bridge command (after "exec:"). */
  command: string;
  scenarios: readonly LibraryScenario[];
  catalogueIds: readonly string[];
  version: string;
  timeoutMs: number;
  startupMs: number;
  dns: readonly string[];
  password?: string;
  forms: readonly UserDataForm[];
  takesBackup: boolean;
  seed: number;
  repeat: number;
  argv?: readonly string[];
  /** Bridges run at once; each attempt starts a process and a pair. */
  concurrency?: number;
  knownFailing?: { file: string; entries: KnownEntry[] };
  knownFlaky?: { file: string; entries: KnownEntry[] };
  onRecord?: RecordListener;
  onResult?: (r: CaseResult) => void;
  shard?: { index: number; count: number };
}

const DEFAULT_CONCURRENCY = 4;

export function libraryTargetInfo(command: string): TargetInfo {
  return { kind: 'exec', description: `library bridge: ${command}`, command };
}

export async function runLibraryConformance(o: LibraryEngineOptions): Promise<RunReport> {
  const startedAt = new Date();
  const started = performance.now();
  const random = seededRandom(o.seed);
  const order = shuffled(o.scenarios, random);
  const byId = new Map<string, CaseResult>();
  let attempts = 0;
  const reproduce = (id: string): string =>
    ['tlib-kit', 'conform', '--library', `exec:${o.command}`, '--run', id, '--seed', String(o.seed)].map(shellWord).join(' ');

  const runOne = async (s: LibraryScenario): Promise<void> => {
    const results: CaseResult[] = [];
    for (let i = 0; i < o.repeat; i++) {
      results.push(
        await attemptLibrary(s, {
          command: o.command,
          timeoutMs: o.timeoutMs,
          startupMs: o.startupMs,
          dns: o.dns,
          password: o.password,
          forms: o.forms,
          takesBackup: o.takesBackup,
          attemptNo: ++attempts,
          ...(o.onRecord ? { onRecord: o.onRecord } : {}),
        }),
      );
    }
    const combined = combineAttempts(results, o.knownFlaky?.entries ?? []);
    const result = combined.verdict === 'pass' || combined.verdict === 'skip' ? combined : { ...combined, reproduce: reproduce(s.id) };
    byId.set(s.id, result);
    o.onResult?.(result);
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < order.length) await runOne(order[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? DEFAULT_CONCURRENCY, order.length) }, worker));

  let results = o.scenarios.map((s) => byId.get(s.id)!);
  const problems: string[] = [];
  if (o.knownFailing) {
    const applied = applyKnownFailing(results, o.knownFailing.entries);
    results = applied.results;
    problems.push(...applied.problems, ...unmatchedEntries(o.knownFailing.entries, o.catalogueIds, o.knownFailing.file));
  }
  if (o.knownFlaky) problems.push(...unmatchedEntries(o.knownFlaky.entries, o.catalogueIds, o.knownFlaky.file));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'tlib-kit',
    version: o.version,
    target: libraryTargetInfo(o.command),
    node: process.version,
    ...(o.argv ? { argv: [...o.argv] } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    seed: o.seed,
    timeoutMs: o.timeoutMs,
    results,
    summary: summarize(results),
    ...(problems.length ? { problems } : {}),
    ...(o.shard && o.shard.count > 1 ? { shard: { index: o.shard.index, count: o.shard.count } } : {}),
  };
}
