/**
 * `tlib-kit conform`: runs the conformance scenarios against the embedded
 * simulator, a TCP server pair or a bridge process, prints live progress
 * and a summary, writes reports. Exit codes: cli/exit-codes.ts.
 */
import { Command, CommanderError } from '../commander.js';
import { exitCodeOf } from '../../conformance/runner/aggregate.js';
import { runConformance } from '../../conformance/runner/engine.js';
import { readKnownList, writeKnownList, type KnownEntry } from '../../conformance/runner/known-list.js';
import { preflight, PreflightError } from '../../conformance/runner/preflight.js';
import { BUILT_IN_PROFILE, loadProfile } from '../../conformance/profile/load.js';
import { DEFAULT_STARTUP_MS, DEFAULT_STEP_MS } from '../../conformance/profile/model.js';
import { summarize } from '../../conformance/runner/aggregate.js';
import { formatTraceRecord, jsonReportChunks, junitChunks, renderCaseLine, renderSummary, writeHtmlReport } from '../../conformance/report/index.js';
import { sanitizeOneLine } from '../../conformance/report/sanitize.js';
import { STDOUT_PATH, writeReportFile } from '../../conformance/report/write-file.js';
import { REPORT_SCHEMA_VERSION, type CaseResult, type RunReport } from '../../conformance/report/report-model.js';
import type { Scenario } from '../../conformance/model/scenario.js';
import type { Target } from '../../conformance/targets/target.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { selectScenarios } from '../../conformance/runner/select.js';
import { targetFromWords } from '../../conformance/targets/target-spec.js';
import { ConformanceUsageError } from '../../conformance/model/usage-error.js';
import { shellWord } from '../../conformance/runner/reproduce.js';
import { validate } from '../../src/validate/index.js';
import { parseShard, shardLabel, shardOf, ShardError } from '../shard.js';
import { colorWanted } from '../color.js';
import { packageVersion } from '../version.js';
import { conformLibrary } from './conform-library.js';

export { packageVersion };

export interface ConformOptions {
  target?: string;
  library?: string;
  backup?: string;
  control?: string;
  profile?: string;
  simDefect: string[];
  run: string[];
  skip: string[];
  list?: boolean;
  json?: string | boolean;
  timeout?: string;
  controlTimeout?: string;
  settle?: string;
  seed?: string;
  repeat: string;
  junit?: string;
  html?: string;
  knownFailing?: string;
  knownFlaky?: string;
  writeKnownFailing?: string;
  trace?: boolean;
  shard?: string;
}

/** Where the command writes: the process's streams, or a test's buffers. */
export interface ConformIO {
  /** Progress and the summary (standard error when a report goes to standard output). */
  out: (text: string) => void;
  err: (text: string) => void;
  /** Standard output itself, for a report written to "-". */
  stdout?: (text: string) => void;
  /** Lines for a person watching (a line per repeat); absent when nobody is (standard error is not a terminal). */
  progress?: (text: string) => void;
  /** Settles with the signal's name when the run is to stop (Ctrl-C): the reports are then written with what finished. */
  interrupted?: Promise<string>;
  color: boolean;
}

/** SIGINT and SIGTERM stop the run once, with reports; a second one stops the process at once. */
function processInterrupt(): Promise<string> {
  return new Promise((resolve) => {
    let seen = false;
    const on = (signal: NodeJS.Signals): void => {
      if (seen) process.exit(130);
      seen = true;
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

const PROCESS_IO: ConformIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  stdout: (t) => void process.stdout.write(t),
  ...(process.stderr.isTTY ? { progress: (t: string) => void process.stderr.write(t) } : {}),
  color: colorWanted(process.stdout),
};

/** A real switchover takes seconds: control actions get their own bound, not the step timeout. */
const DEFAULT_CONTROL_MS = 30_000;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function positiveInt(text: string, option: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) throw new ConformanceUsageError(`${option} must be an integer from 1 to ${max}, got "${text}"`);
  return n;
}

/** 0 to 2^31-1, as the report schema and docs/conformance-api.md say. */
function seedOf(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 2 ** 31 - 1) throw new ConformanceUsageError(`--seed must be an integer from 0 to ${2 ** 31 - 1}, got "${text}"`);
  return n;
}

/** What a scenario leases from the profile, for --list: "[uses 2 DNs, 1 agent, a call]". */
function usesText(s: (typeof SCENARIOS)[number]): string {
  const { dns = 0, agents = 0, call = false } = s.uses ?? {};
  const parts = [dns ? `${dns} DN${dns > 1 ? 's' : ''}` : '', agents ? `${agents} agent${agents > 1 ? 's' : ''}` : '', call ? 'a call' : ''].filter(Boolean);
  return parts.length ? `  [uses ${parts.join(', ')}]` : '';
}

function listScenarios(io: ConformIO, json: boolean, scenarios: typeof SCENARIOS): void {
  if (json) {
    const list = scenarios.map((s) => ({ id: s.id, title: s.title, level: s.level, reference: s.reference, needs: [...s.needs], uses: { dns: 0, agents: 0, call: false, ...s.uses } }));
    io.out(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  for (const s of scenarios) {
    const needs = s.needs.length ? `  [needs ${s.needs.join(', ')}]` : '';
    io.out(`${s.id.padEnd(46)} ${s.level.padEnd(6)} ${s.title}${needs}${usesText(s)}\n`);
  }
}

export async function loadList(file: string | undefined): Promise<{ file: string; entries: KnownEntry[] } | undefined> {
  return file === undefined ? undefined : { file, entries: await readKnownList(file) };
}

/** The same command line with the list-writing option, so a person can accept the current failures. */
export function rewriteCommand(argv: readonly string[], file: string): string {
  const args = argv.filter((a, i, all) => a !== '--write-known-failing' && all[i - 1] !== '--write-known-failing');
  return ['tlib-kit', ...args, '--write-known-failing', file].map(shellWord).join(' ');
}

/** Writes every report asked for; one that fails is said and does not stop the others. False when any failed. */
export async function writeReports(report: RunReport, o: ConformOptions, io: ConformIO): Promise<boolean> {
  const toFileOrStdout = (chunks: (r: RunReport) => Iterable<string>) => async (r: RunReport, path: string) => {
    if (path !== STDOUT_PATH) return writeReportFile(path, chunks(r));
    for (const chunk of chunks(r)) io.stdout!(chunk);
  };
  const writes: Array<[string | undefined, (r: RunReport, path: string) => Promise<void>]> = [
    [typeof o.json === 'string' ? o.json : undefined, toFileOrStdout(jsonReportChunks)],
    [o.junit, toFileOrStdout(junitChunks)],
    [o.html, writeHtmlReport],
  ];
  let ok = true;
  for (const [path, write] of writes) {
    if (path === undefined) continue;
    try {
      await write(report, path);
      if (path !== STDOUT_PATH) io.err(`report written: ${path}\n`);
    } catch (e) {
      ok = false;
      io.err(`tlib-kit conform: could not write ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return ok;
}

async function conform(o: ConformOptions, argv: readonly string[], io: ConformIO): Promise<number> {
  const stdout = io.stdout ?? io.out;
  io = { ...io, stdout };
  if (o.library !== undefined) return conformLibrary(o, argv, io);
  const shard = parseShard(o.shard);
  const selected = selectScenarios(SCENARIOS, o.run, o.skip);
  const scenarios = shardOf(selected, shard);
  if (o.list) {
    listScenarios(io, o.json === true || o.json === STDOUT_PATH, scenarios);
    return 0;
  }
  if (o.json === true) throw new ConformanceUsageError('--json needs a file to write the report to (--json report.json, or --json - for standard output), or --list for the scenario list as JSON');
  const toStdout = [o.json, o.junit, o.html].filter((p) => p === STDOUT_PATH).length;
  if (toStdout > 1) throw new ConformanceUsageError('only one report can go to standard output ("-")');
  if (o.html === STDOUT_PATH) throw new ConformanceUsageError('--html needs a file: the page comes with its stylesheet and script beside it (report.css, report.js)');
  // A report on standard output keeps it clean: progress and the summary move to standard error.
  if (toStdout === 1) io = { ...io, out: io.err, err: io.err };
  const profile = o.profile === undefined ? BUILT_IN_PROFILE : await loadProfile(o.profile);
  const timeoutMs = o.timeout === undefined ? (profile.profile.timeouts?.stepMs ?? DEFAULT_STEP_MS) : positiveInt(o.timeout, '--timeout', 600_000);
  const startupMs = profile.profile.timeouts?.startupMs ?? DEFAULT_STARTUP_MS;
  const controlMs = o.controlTimeout === undefined ? (profile.profile.timeouts?.controlMs ?? DEFAULT_CONTROL_MS) : positiveInt(o.controlTimeout, '--control-timeout', 600_000);
  // 0 is a choice too: the barriers alone, no message delayed on purpose waited for.
  const settleMs = o.settle === undefined ? (profile.profile.timeouts?.settleMs ?? timeoutMs) : o.settle === '0' ? 0 : positiveInt(o.settle, '--settle', 600_000);
  const repeat = positiveInt(o.repeat, '--repeat', 1000);
  const seed = o.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : seedOf(o.seed);
  const password = profile.profile.credentials?.applicationPassword;
  const target = targetFromWords({ target: o.target, backup: o.backup, control: o.control, simDefects: o.simDefect, controlMs, startupMs, ...(password !== undefined ? { password } : {}) });
  const [knownFailing, knownFlaky] = [await loadList(o.knownFailing), await loadList(o.knownFlaky)];
  const { color } = io;
  const named: Array<[string, string | undefined]> = [
    ['--json', typeof o.json === 'string' ? o.json : undefined],
    ['--junit', o.junit],
    ['--html', o.html],
    ['--write-known-failing', o.writeKnownFailing],
  ];
  const reports = named.filter((x): x is [string, string] => x[1] !== undefined && x[1] !== STDOUT_PATH);
  try {
    await preflight({ target, profile, timeoutMs, startupMs, reports });
  } catch (e) {
    if (!(e instanceof PreflightError)) throw e;
    await target.close();
    io.err(`tlib-kit conform: preflight: ${sanitizeOneLine(e.message)}\n`);
    return 2;
  }
  const part = shard.count > 1 ? `, shard ${shardLabel(shard)} of ${selected.length}` : '';
  const times = repeat > 1 ? `, each ${repeat} times` : '';
  io.out(`tlib-kit conform: ${scenarios.length} scenarios${part}${times} against ${sanitizeOneLine(target.description)}, ${profile.source} (seed ${seed})\n`);
  const startedAt = new Date();
  const started = performance.now();
  const finished: CaseResult[] = [];
  let done = 0;
  const running = runConformance({
    target,
    scenarios,
    catalogueIds: SCENARIOS.map((s) => s.id),
    validate: (m, context) => validate(m, context),
    version: packageVersion(),
    profile,
    timeoutMs,
    startupMs,
    settleMs,
    seed,
    repeat,
    argv,
    reproduceWords: [
      ...(o.profile !== undefined ? ['--profile', o.profile] : []),
      ...(o.controlTimeout !== undefined ? ['--control-timeout', String(controlMs)] : []),
      ...(o.settle !== undefined ? ['--settle', String(settleMs)] : []),
    ],
    ...(knownFailing ? { knownFailing } : {}),
    ...(knownFlaky ? { knownFlaky } : {}),
    ...(o.trace ? { onRecord: (r, id) => io.out(`[${id}] ${formatTraceRecord(r, { color })}\n`) } : {}),
    ...(io.progress && repeat > 1
      ? { onAttempt: (id: string, i: number, r: CaseResult) => io.progress!(`[${done + 1}/${scenarios.length}] ${id}: repeat ${i + 1}/${repeat} ${r.verdict}\n`) }
      : {}),
    onResult: (r) => {
      done++;
      finished.push(r);
      io.out(`${renderCaseLine(r, { color })}\n`);
    },
    shard,
  });
  const outcome = await Promise.race([
    running.then((report) => ({ report })),
    running.then(
      () => new Promise<never>(() => undefined),
      (e: unknown) => ({ crash: e }),
    ),
    ...(io.interrupted ? [io.interrupted.then((signal) => ({ signal }))] : []),
  ]);
  let report: RunReport;
  if ('report' in outcome) {
    report = outcome.report;
    if (repeat > 1) report.repeat = repeat;
  } else {
    // Stopped or broken part-way: what finished is reported, marked, so a long run never ends with nothing on disk.
    const why = 'signal' in outcome ? `the run was stopped by ${outcome.signal}` : `the runner failed: ${outcome.crash instanceof Error ? outcome.crash.message : String(outcome.crash)}`;
    report = partialReport({ target, scenarios, finished, startedAt, started, seed, timeoutMs, repeat, argv, why });
  }
  void target.close().catch(() => undefined);
  // Known failures already match the list: rewriting it would change nothing, so no hint for them.
  const unlisted = report.results.some((r) => r.verdict === 'fail' || r.verdict === 'timeout');
  if (knownFailing && !report.interrupted && (report.problems?.length || unlisted)) report.rewriteKnownFailing = rewriteCommand(argv, knownFailing.file);
  io.out(`\n${renderSummary(report, { color })}\n`);
  if (report.rewriteKnownFailing) io.out(`to make the known-failing list match this run:\n  ${report.rewriteKnownFailing}\n`);
  let writeFailed = false;
  if (o.writeKnownFailing && !report.interrupted) {
    try {
      await writeKnownList(o.writeKnownFailing, report.results);
      io.err(`known-failing list written: ${o.writeKnownFailing}\n`);
    } catch (e) {
      writeFailed = true;
      io.err(`tlib-kit conform: could not write the known-failing list ${o.writeKnownFailing}: ${(e as Error).message}\n`);
    }
  }
  writeFailed = !(await writeReports(report, o, io)) || writeFailed;
  if ('crash' in outcome) return 2;
  const code = exitCodeOf(report);
  return writeFailed && code === 0 ? 2 : code;
}

interface PartialRun {
  target: Target;
  scenarios: readonly Scenario[];
  finished: readonly CaseResult[];
  startedAt: Date;
  started: number;
  seed: number;
  timeoutMs: number;
  repeat: number;
  argv: readonly string[];
  why: string;
}

/** The report of a run that did not finish: the scenarios that did, in selection order, marked interrupted. */
function partialReport(p: PartialRun): RunReport {
  const order = new Map(p.scenarios.map((s, i) => [s.id, i]));
  const results = [...p.finished].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'tlib-kit',
    version: packageVersion(),
    target: { kind: 'custom', ...p.target.info, description: p.target.description },
    node: process.version,
    argv: [...p.argv],
    startedAt: p.startedAt.toISOString(),
    durationMs: Math.round(performance.now() - p.started),
    seed: p.seed,
    timeoutMs: p.timeoutMs,
    results,
    summary: summarize(results),
    interrupted: true,
    planned: p.scenarios.length,
    ...(p.repeat > 1 ? { repeat: p.repeat } : {}),
    problems: [`${p.why} after ${results.length} of ${p.scenarios.length} scenarios`],
  };
}

/** How the command meets its process: streams, its own words, and how it ends. */
interface Runtime {
  io: ConformIO;
  /** The words from "conform" on, for the command the run prints. */
  argv: readonly string[];
  done(code: number): void;
  /** Commander's own ends (bad option, --help): usage errors exit 2. */
  commanderExit(err: CommanderError): never;
}

const PROCESS_RUNTIME: Runtime = {
  get io() {
    return { ...PROCESS_IO, interrupted: processInterrupt() };
  },
  argv: process.argv.slice(process.argv.indexOf('conform')),
  // An interrupted run leaves scenarios running: the process ends here, its reports written.
  done: (code) => (code === 130 ? process.exit(130) : void (process.exitCode = code)),
  commanderExit: (err) => process.exit(err.exitCode === 0 ? 0 : 2),
};

/** Runs `conform` with its own arguments (after the word "conform") and returns the exit code; for tests and embedders. */
export async function runConformCommand(args: readonly string[], io: ConformIO): Promise<number> {
  const program = new Command('tlib-kit').configureOutput({ writeOut: io.out, writeErr: io.err });
  let code = 0;
  registerConform(program, {
    io,
    argv: ['conform', ...args],
    done: (c) => (code = c),
    commanderExit: (err) => {
      throw err;
    },
  });
  try {
    await program.parseAsync(['conform', ...args], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return code;
}

export function registerConform(program: Command, rt: Runtime = PROCESS_RUNTIME): void {
  program
    .command('conform')
    .description('run the conformance scenarios (default: against the embedded simulator pair) and report every violation')
    .option('--target <target>', 'tcp://host:port of the primary, or exec:<command> for a bridge (spec/bridge-contract.md); default: embedded simulator')
    .option('--library <bridge>', 'certify a client library instead of a server: exec:<command> starts its library bridge (spec/library-bridge-contract.md) against a scripted hot-standby pair')
    .option('--backup <address>', 'tcp://host:port of the backup server (with a tcp:// target)')
    .option('--control <hook>', 'control hook for switchover, link and fault actions: a command (called as "<command> switchover") or tcp://host:port (JSON lines)')
    .option('--profile <file>', 'target profile (spec/profile.schema.json): the DNs, agents, call, credentials and timeouts the run may use; default spec/profiles/default.json')
    .option('--sim-defect <name>', 'switch a defect on in the embedded simulator (repeatable; tlib-kit sim --defects lists them)', collect, [])
    .option('--run <pattern>', 'run only the scenarios a pattern selects (repeatable; see "Patterns" below)', collect, [])
    .option('--skip <pattern>', 'skip the scenarios a pattern selects (repeatable)', collect, [])
    .option('--list', 'list the scenarios --run, --skip and --shard select, and exit (with --json: as a JSON array)')
    .option('--timeout <ms>', `per-step timeout: how long to wait for each expected message (default: the profile's timeouts.stepMs, else ${DEFAULT_STEP_MS})`)
    .option('--control-timeout <ms>', `how long one control action (switchover, link, fault, call) may take before the hook is stopped with its process group (default: the profile's timeouts.controlMs, else ${DEFAULT_CONTROL_MS})`)
    .option('--settle <ms>', "the run's one settle window: how late after its cause a message the target delays on purpose is still caught (a late copy to an observer, an EventRestoreConnection a library hands over late); 0: the barriers alone (default: the profile's timeouts.settleMs, else the step timeout)")
    .option('--seed <n>', 'seed for scenario order, DNs and ReferenceIDs (printed in every report)')
    .option('--repeat <n>', 'run each scenario n times to expose flakiness', '1')
    .option('--json [file]', 'write the JSON report (spec/report.schema.json) to file ("-": standard output); with --list, print the list as JSON')
    .option('--junit <file>', 'write a JUnit XML report')
    .option('--html <file>', 'write the HTML report with sequence diagrams (with <name>.css and <name>.js beside it: no inline style or script, so it renders under Jenkins\' Content-Security-Policy)')
    .option('--known-failing <file>', 'ids or globs expected to fail, optional "# expected message prefix"; an entry that passes or fails differently fails the run')
    .option('--known-flaky <file>', 'ids or globs whose failures are reported as flaky and do not fail the run')
    .option('--write-known-failing <file>', 'write the list of the current failures (to accept them)')
    .option('--trace', 'print every message sent and received, with timestamps, decoded and in hex')
    .option('--shard <i/n>', 'run only part i of n of the selected scenarios (round robin over the catalogue order, whatever the seed); join the --json reports with tlib-kit merge-reports')
    .addHelpText(
      'after',
      `
Examples:
  tlib-kit conform                                    full suite against the embedded simulator
  tlib-kit conform --sim-defect reserved-leak         prove the checks fail (exits 1)
  tlib-kit conform --target tcp://10.0.0.5:7000 --backup tcp://10.0.0.6:7000 --control ./ctl.sh
  tlib-kit conform --target "exec:node my-bridge.js" --run ack --junit conform.xml
  tlib-kit conform --target tcp://10.0.0.5:7000 --profile lab.json   only the lab's DNs, agents and calls
  tlib-kit conform --seed 42 --shard 2/3 --json shard-2.json   one of three CI jobs
  tlib-kit conform --list --json                      the scenarios as JSON, for tools
  tlib-kit conform --library "exec:node examples/tclient-bridge.mjs"   certify a client library
  tlib-kit conform --library exec:x --list --json     the library scenarios as JSON

Patterns (--run, --skip and the known lists) are globs over scenario ids,
which are /-separated paths like ack/user-event/reference-id. A pattern
selects the ids it matches and everything under them:
  ack/user-event/reference-id   that scenario
  ack   ack/   ack/*            everything under ack/, at any depth
  ack/user-event                ack/user-event/... but not ack/user-event-attribute
  ack/*/reference-id            * and ? match within one segment
  **/no-leak                    ** matches across segments
A pattern that selects nothing is an error (exit 2), so a typo never runs nothing.

Before the first scenario a preflight registers one client on each server, runs the
control hook once (links up) and checks report paths; a failure there is one line, exit 2.
Profile format and what a target must answer: spec/target-contract.md.

Every failure prints the command that reproduces it alone:
  tlib-kit conform <target options> --run <id> --seed <n>

Reports: a missing folder is created; "-" writes that report to standard output
(progress and the summary then go to standard error). Ctrl-C stops the run and
writes every report asked for with the scenarios that finished, marked INTERRUPTED.

Exit codes: 0 passed (known failures and skips tolerated), 1 violations or
run-level problems (stale list entries), 2 usage, preflight or connection errors,
or nothing could be judged, 130 interrupted.`,
    )
    .exitOverride((err) => rt.commanderExit(err))
    .action(async (o: ConformOptions) => {
      const io = rt.io;
      try {
        rt.done(await conform(o, rt.argv, io));
      } catch (e) {
        if (!(e instanceof ConformanceUsageError) && !(e instanceof ShardError)) throw e;
        io.err(`tlib-kit conform: ${e.message}\n`);
        rt.done(2);
      }
    });
}
