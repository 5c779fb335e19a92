/**
 * The data a conformance run produces. The runner writes it; every report
 * (terminal, JSON, JUnit, HTML) only reads it. Keep it plain JSON-safe data.
 */
import type { JsonMessage } from '../../src/codec/json.js';
import type { RunState } from './run-state.js';

export type Verdict =
  | 'pass'
  | 'fail'
  | 'timeout' // a step waited for a message that never came
  | 'skip' // the target cannot meet the scenario's needs (reason says which)
  | 'error' // the run itself broke (connection refused, bad control hook)
  | 'known-failure' // failed as the --known-failing list expects
  | 'flaky'; // in the --known-flaky list and failed on at least one repeat

/** One message on the wire, as the runner saw it. */
export interface WireRecord {
  /** Milliseconds since the scenario started. */
  t: number;
  /** On a note that closes a wait that timed out: how long the actor waited (it began at t - waitedMs). */
  waitedMs?: number;
  /** 'send': runner to server; 'recv': server to runner; 'note': a control action. */
  dir: 'send' | 'recv' | 'note';
  /** The runner-side lifeline, e.g. "client-a", "client-b", "app" (via a client library). */
  actor: string;
  /** The server-side lifeline, e.g. "primary", "backup". */
  peer: string;
  /** Decoded message in the JSON form of spec/wire-format.md (absent for notes and undecodable bytes). */
  message?: JsonMessage;
  /** The frame as lowercase hex (absent for notes). */
  hex?: string;
  /** Free text for notes and decode errors. */
  text?: string;
  /** This record is the one the verdict blames. */
  violation?: boolean;
}

export interface CaseResult {
  /** Stable semantic id, e.g. "ack/user-event/reference-id". */
  id: string;
  title: string;
  level: 'must' | 'should';
  /** The sentence of the reference the scenario enforces, quoted; on a failure, the sentence of the check that failed. */
  reference: string;
  /** The sentence ids (spec/reference/sentences.json) the scenario checks. */
  cites?: string[];
  verdict: Verdict;
  /** One sentence a person understands: why this verdict. */
  reason?: string;
  expected?: string;
  actual?: string;
  /** Where the reference allows several behaviours: which one was seen. */
  seen?: string;
  durationMs: number;
  exchange: WireRecord[];
}

/** The version of spec/report.schema.json a report follows: minor for additions, major for changes. */
export const REPORT_SCHEMA_VERSION = '1.2.0';

export interface Address {
  host: string;
  port: number;
}

/** What was tested, as data a CI tool can read without parsing a sentence. */
export interface TargetInfo {
  /** embedded: the built-in simulator pair; tcp: a server pair by address; exec: a bridge process; custom: a Target built in code. */
  kind: 'embedded' | 'tcp' | 'exec' | 'custom';
  /** For people, e.g. "embedded simulator (hot-standby pair)". */
  description: string;
  /** tcp: the primary's address. */
  primary?: Address;
  /** tcp: the backup's address, when given. */
  backup?: Address;
  /** exec: the bridge command. */
  command?: string;
  /** The control hook for switchover, link and fault actions. */
  control?: { kind: 'command'; command: string } | { kind: 'channel'; address: Address };
  /** embedded: the simulator defects switched on. */
  defects?: string[];
}

export interface RunReport {
  schemaVersion: string;
  tool: 'tlib-kit';
  version: string;
  target: TargetInfo;
  /** The Node.js version that ran the suite (process.version). */
  node: string;
  /** The command line words after "tlib-kit", when the run came from the command line. */
  argv?: string[];
  startedAt: string;
  durationMs: number;
  seed: number;
  /** The per-step timeout of the run. */
  timeoutMs: number;
  results: CaseResult[];
  summary: { total: number; passed: number; failed: number; skipped: number; timedOut: number; errors: number; knownFailures: number; flaky: number };
}

/*
 * Optional fields added by the runner (additive: older readers ignore them).
 */
export interface CaseResult {
  /** The command that runs this scenario alone with the same seed (absent on a pass, a skip, and custom targets). */
  reproduce?: string;
  /** With --repeat: how many times the scenario ran, and how many of those did not pass. */
  runs?: number;
  failedRuns?: number;
  /** Records the runner left out of `exchange` (conformance/message-path/exchange.ts, EXCHANGE_CAPS); a note in the exchange marks where. */
  truncated?: { records: number; frameBytes: number };
  /**
   * Why a 'fail' or 'error' is neither a broken rule nor a timeout: 'refused' (verdict 'error'), the target
   * answered a request with EventError; 'undecodable' (verdict 'fail'), it sent a frame the codec cannot decode.
   */
  cause?: 'refused' | 'undecodable';
  /** Attributes the target sent outside an event's table, by event: accepted (no sentence forbids them), recorded. */
  outsideTables?: Record<string, string[]>;
}

export interface RunReport {
  /** Run-level failures that belong to no one scenario, e.g. a stale --known-failing entry. */
  problems?: string[];
  /** The command that rewrites the --known-failing list to the current failures. */
  rewriteKnownFailing?: string;
  /** With --shard i/n: this report holds part i of n; merge-reports joins the parts. */
  shard?: { index: number; count: number };
  /** A merged report: the shards it was joined from. */
  /** Every attribute outside an event's table that any scenario of the run received, by event (the union of the results'). */
  outsideTables?: Record<string, string[]>;
  /** The outcome, decided once by runState() (report/run-state.ts); set on the copy a report file holds. */
  state?: RunState;
  /** The run was stopped before every scenario finished. */
  interrupted?: true;
  /** How many scenarios the run set out to run. */
  planned?: number;
  /** With --repeat n (n > 1): how many times each scenario ran. */
  repeat?: number;
  /** What the report's byte budget left out (report/bounded.ts). */
  truncated?: { limitBytes: number; exchangeRecords: number; textChars: number };
  mergedFrom?: Array<{ index: number; count: number; seed: number; startedAt: string; durationMs: number; target: TargetInfo }>;
}

/** The run's list of attributes outside the tables: the union of its results' (sorted, so shards merge to one run's). */
export function runOutsideTables(results: readonly CaseResult[]): Record<string, string[]> | undefined {
  const all = new Map<string, Set<string>>();
  for (const r of results) {
    for (const [event, names] of Object.entries(r.outsideTables ?? {})) {
      const known = all.get(event) ?? new Set<string>();
      names.forEach((n) => known.add(n));
      all.set(event, known);
    }
  }
  if (all.size === 0) return undefined;
  return Object.fromEntries([...all].sort(([a], [b]) => a.localeCompare(b)).map(([e, names]) => [e, [...names].sort()]));
}

/** The run's list as one line per event, for the terminal, JUnit and HTML reports. */
export function outsideTablesLines(report: Pick<RunReport, 'outsideTables'>): string[] {
  return Object.entries(report.outsideTables ?? {}).map(([event, names]) => `${event}: ${names.join(', ')}`);
}
