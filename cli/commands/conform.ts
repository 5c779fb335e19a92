/**
 * `tlib-kit conform`: runs the conformance scenarios against the embedded
 * simulator, a TCP server pair or a bridge process, prints live progress
 * and a summary, writes reports. Exit codes: cli/exit-codes.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from '../commander.js';
import { exitCodeOf } from '../../conformance/aggregate.js';
import { runConformance } from '../../conformance/engine.js';
import { readKnownList, writeKnownList, type KnownEntry } from '../../conformance/known-list.js';
import { preflight, PreflightError } from '../../conformance/preflight.js';
import { BUILT_IN_PROFILE, loadProfile } from '../../conformance/profile/load.js';
import { formatTraceRecord, renderCaseLine, renderSummary, writeHtmlReport, writeJsonReport, writeJunitReport } from '../../conformance/report/index.js';
import type { RunReport } from '../../conformance/report-model.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { selectScenarios } from '../../conformance/select.js';
import { targetFromWords } from '../../conformance/target-spec.js';
import { ConformanceUsageError } from '../../conformance/usage-error.js';
import { shellWord } from '../../conformance/reproduce.js';
import { validate } from '../../src/validate/index.js';
import { parseShard, shardLabel, shardOf, ShardError } from '../shard.js';
import { colorWanted } from '../color.js';

interface ConformOptions {
  target?: string;
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
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
}

const PROCESS_IO: ConformIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  color: colorWanted(process.stdout),
};

const DEFAULT_STEP_MS = 2000;
const DEFAULT_STARTUP_MS = 10_000;
/** A real switchover takes seconds: control actions get their own bound, not the step timeout. */
const DEFAULT_CONTROL_MS = 30_000;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function positiveInt(text: string, option: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) throw new ConformanceUsageError(`${option} must be an integer from 1 to ${max}, got "${text}"`);
  return n;
}

function packageVersion(): string {
  // Walk up from this file: the same code runs from src/ (tsx) and dist/src/ (built).
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tlib-kit') return pkg.version ?? '0.0.0';
    }
  }
  return '0.0.0';
}

/** What a scenario leases from the profile, for --list: "[uses 2 DNs, 1 agent, a call]". */
function usesText(s: (typeof SCENARIOS)[number]): string {
  const { dns = 0, agents = 0, call = false } = s.uses ?? {};
  const parts = [dns ? `${dns} DN${dns > 1 ? 's' : ''}` : '', agents ? `${agents} agent${agents > 1 ? 's' : ''}` : '', call ? 'a call' : ''].filter(Boolean);
  return parts.length ? `  [uses ${parts.join(', ')}]` : '';
}

function listScenarios(io: ConformIO, json: boolean): void {
  if (json) {
    const list = SCENARIOS.map((s) => ({ id: s.id, title: s.title, level: s.level, reference: s.reference, needs: [...s.needs], uses: { dns: 0, agents: 0, call: false, ...s.uses } }));
    io.out(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  for (const s of SCENARIOS) {
    const needs = s.needs.length ? `  [needs ${s.needs.join(', ')}]` : '';
    io.out(`${s.id.padEnd(46)} ${s.level.padEnd(6)} ${s.title}${needs}${usesText(s)}\n`);
  }
}

async function loadList(file: string | undefined): Promise<{ file: string; entries: KnownEntry[] } | undefined> {
  return file === undefined ? undefined : { file, entries: await readKnownList(file) };
}

/** The same command line with the list-writing option, so a person can accept the current failures. */
function rewriteCommand(argv: readonly string[], file: string): string {
  const args = argv.filter((a, i, all) => a !== '--write-known-failing' && all[i - 1] !== '--write-known-failing');
  return ['tlib-kit', ...args, '--write-known-failing', file].map(shellWord).join(' ');
}

async function writeReports(report: RunReport, o: ConformOptions, io: ConformIO): Promise<void> {
  const writes: Array<[string | undefined, (r: RunReport, p: string) => Promise<void>]> = [
    [typeof o.json === 'string' ? o.json : undefined, writeJsonReport],
    [o.junit, writeJunitReport],
    [o.html, writeHtmlReport],
  ];
  for (const [path, write] of writes) {
    if (path === undefined) continue;
    await write(report, path);
    io.err(`report written: ${path}\n`);
  }
}

async function conform(o: ConformOptions, argv: readonly string[], io: ConformIO): Promise<number> {
  if (o.list) {
    listScenarios(io, o.json === true);
    return 0;
  }
  if (o.json === true) throw new ConformanceUsageError('--json needs a file to write the report to (--json report.json), or --list for the scenario list as JSON');
  const profile = o.profile === undefined ? BUILT_IN_PROFILE : await loadProfile(o.profile);
  const timeoutMs = o.timeout === undefined ? (profile.profile.timeouts?.stepMs ?? DEFAULT_STEP_MS) : positiveInt(o.timeout, '--timeout', 600_000);
  const startupMs = profile.profile.timeouts?.startupMs ?? DEFAULT_STARTUP_MS;
  const controlMs = o.controlTimeout === undefined ? (profile.profile.timeouts?.controlMs ?? DEFAULT_CONTROL_MS) : positiveInt(o.controlTimeout, '--control-timeout', 600_000);
  const repeat = positiveInt(o.repeat, '--repeat', 1000);
  const seed = o.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : positiveInt(o.seed, '--seed', 2 ** 31 - 1);
  const shard = parseShard(o.shard);
  const selected = selectScenarios(SCENARIOS, o.run, o.skip);
  const scenarios = shardOf(selected, shard);
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
  const reports = named.filter((x): x is [string, string] => x[1] !== undefined);
  try {
    await preflight({ target, profile, timeoutMs, startupMs, reports });
  } catch (e) {
    if (!(e instanceof PreflightError)) throw e;
    await target.close();
    io.err(`tlib-kit conform: preflight: ${e.message}\n`);
    return 2;
  }
  const part = shard.count > 1 ? `, shard ${shardLabel(shard)} of ${selected.length}` : '';
  io.out(`tlib-kit conform: ${scenarios.length} scenarios${part} against ${target.description}, ${profile.source} (seed ${seed})\n`);
  const report = await runConformance({
    target,
    scenarios,
    catalogueIds: SCENARIOS.map((s) => s.id),
    validate: (m, context) => validate(m, context),
    version: packageVersion(),
    profile,
    timeoutMs,
    startupMs,
    seed,
    repeat,
    argv,
    reproduceWords: [...(o.profile !== undefined ? ['--profile', o.profile] : []), ...(o.controlTimeout !== undefined ? ['--control-timeout', String(controlMs)] : [])],
    ...(knownFailing ? { knownFailing } : {}),
    ...(knownFlaky ? { knownFlaky } : {}),
    ...(o.trace ? { onRecord: (r, id) => io.out(`[${id}] ${formatTraceRecord(r, { color })}\n`) } : {}),
    onResult: (r) => io.out(`${renderCaseLine(r, { color })}\n`),
    shard,
  });
  await target.close();
  const failing = report.results.some((r) => r.verdict === 'fail' || r.verdict === 'timeout' || r.verdict === 'known-failure');
  if (knownFailing && (report.problems?.length || failing)) report.rewriteKnownFailing = rewriteCommand(argv, knownFailing.file);
  io.out(`\n${renderSummary(report, { color })}\n`);
  if (report.rewriteKnownFailing) io.out(`to make the known-failing list match this run:\n  ${report.rewriteKnownFailing}\n`);
  if (o.writeKnownFailing) {
    await writeKnownList(o.writeKnownFailing, report.results);
    io.err(`known-failing list written: ${o.writeKnownFailing}\n`);
  }
  await writeReports(report, o, io);
  return exitCodeOf(report);
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
  io: PROCESS_IO,
  argv: process.argv.slice(process.argv.indexOf('conform')),
  done: (code) => void (process.exitCode = code),
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
  const { io } = rt;
  program
    .command('conform')
    .description('run the conformance scenarios (default: against the embedded simulator pair) and report every violation')
    .option('--target <target>', 'tcp://host:port of the primary, or exec:<command> for a bridge (spec/bridge-contract.md); default: embedded simulator')
    .option('--backup <address>', 'tcp://host:port of the backup server (with a tcp:// target)')
    .option('--control <hook>', 'control hook for switchover, link and fault actions: a command (called as "<command> switchover") or tcp://host:port (JSON lines)')
    .option('--profile <file>', 'target profile (spec/profile.schema.json): the DNs, agents, call, credentials and timeouts the run may use; default spec/profiles/default.json')
    .option('--sim-defect <name>', 'switch a defect on in the embedded simulator (repeatable; tlib-kit sim --defects lists them)', collect, [])
    .option('--run <pattern>', 'run only the scenarios a pattern selects (repeatable; see "Patterns" below)', collect, [])
    .option('--skip <pattern>', 'skip the scenarios a pattern selects (repeatable)', collect, [])
    .option('--list', 'list the scenarios and exit (with --json: as a JSON array)')
    .option('--timeout <ms>', `per-step timeout: how long to wait for each expected message (default: the profile's timeouts.stepMs, else ${DEFAULT_STEP_MS})`)
    .option('--control-timeout <ms>', `how long one control action (switchover, link, fault, call) may take before the hook is stopped with its process group (default: the profile's timeouts.controlMs, else ${DEFAULT_CONTROL_MS})`)
    .option('--seed <n>', 'seed for scenario order, DNs and ReferenceIDs (printed in every report)')
    .option('--repeat <n>', 'run each scenario n times to expose flakiness', '1')
    .option('--json [file]', 'write the JSON report (spec/report.schema.json) to file; with --list, print the list as JSON')
    .option('--junit <file>', 'write a JUnit XML report')
    .option('--html <file>', 'write the HTML report with sequence diagrams')
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

Exit codes: 0 all pass, 1 violations or run-level problems (stale list entries),
2 usage, preflight or connection errors.`,
    )
    .exitOverride((err) => rt.commanderExit(err))
    .action(async (o: ConformOptions) => {
      try {
        rt.done(await conform(o, rt.argv, io));
      } catch (e) {
        if (!(e instanceof ConformanceUsageError) && !(e instanceof ShardError)) throw e;
        io.err(`tlib-kit conform: ${e.message}\n`);
        rt.done(2);
      }
    });
}
