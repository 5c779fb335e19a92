/**
 * `tlib-kit conform --library exec:<command>`: the library scenarios against
 * a library bridge, with the reports, profile, shards, known lists and exit
 * codes of server conformance (spec/library-bridge-contract.md).
 */
import { exitCodeOf } from '../../conformance/runner/aggregate.js';
import { writeKnownList } from '../../conformance/runner/known-list.js';
import { runLibraryConformance, libraryTargetInfo } from '../../conformance/library/engine.js';
import { ALL_FORMS } from '../../conformance/library/forms.js';
import { LibraryPreflightError, libraryPreflight } from '../../conformance/library/preflight.js';
import { LIBRARY_SCENARIOS } from '../../conformance/library/scenarios/index.js';
import { BUILT_IN_PROFILE, loadProfile } from '../../conformance/profile/load.js';
import { formatTraceRecord, renderCaseLine, renderSummary } from '../../conformance/report/index.js';
import { selectScenarios } from '../../conformance/runner/select.js';
import { ConformanceUsageError } from '../../conformance/model/usage-error.js';
import { parseShard, shardLabel, shardOf } from '../shard.js';
import { loadList, packageVersion, positiveInt, rewriteCommand, writeReports, type ConformIO, type ConformOptions } from './conform.js';
import { DEFAULT_STARTUP_MS, DEFAULT_STEP_MS } from '../../conformance/profile/model.js';


function listLibraryScenarios(io: ConformIO, json: boolean): void {
  if (json) {
    const list = LIBRARY_SCENARIOS.map((s) => ({ id: s.id, title: s.title, level: s.level, reference: s.reference, sentence: s.sentence, ...(s.form ? { form: s.form } : {}) }));
    io.out(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  for (const s of LIBRARY_SCENARIOS) io.out(`${s.id.padEnd(50)} ${s.level.padEnd(6)} ${s.title}\n`);
}

function bridgeCommand(spec: string): string {
  if (!spec.startsWith('exec:') || spec.length <= 5) throw new ConformanceUsageError(`--library takes exec:<command> (the library bridge, spec/library-bridge-contract.md), got "${spec}"`);
  return spec.slice(5);
}

export async function conformLibrary(o: ConformOptions, argv: readonly string[], io: ConformIO): Promise<number> {
  const command = bridgeCommand(o.library!);
  for (const [flag, given] of [['--target', o.target], ['--backup', o.backup], ['--control', o.control]] as const) {
    if (given !== undefined) throw new ConformanceUsageError(`${flag} does not go with --library: the kit plays the servers for a library`);
  }
  if (o.simDefect.length) throw new ConformanceUsageError('--sim-defect does not go with --library: library scenarios script the pair themselves');
  if (o.list) {
    listLibraryScenarios(io, o.json === true);
    return 0;
  }
  if (o.json === true) throw new ConformanceUsageError('--json needs a file to write the report to (--json report.json), or --list for the scenario list as JSON');
  const profile = o.profile === undefined ? BUILT_IN_PROFILE : await loadProfile(o.profile);
  const p = profile.profile;
  const timeoutMs = o.timeout === undefined ? (p.timeouts?.stepMs ?? DEFAULT_STEP_MS) : positiveInt(o.timeout, '--timeout', 600_000);
  const startupMs = p.timeouts?.startupMs ?? DEFAULT_STARTUP_MS;
  const repeat = positiveInt(o.repeat, '--repeat', 1000);
  const seed = o.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : positiveInt(o.seed, '--seed', 2 ** 31 - 1);
  const shard = parseShard(o.shard);
  const selected = selectScenarios(LIBRARY_SCENARIOS, o.run, o.skip);
  const scenarios = shardOf(selected, shard);
  const [knownFailing, knownFlaky] = [await loadList(o.knownFailing), await loadList(o.knownFlaky)];
  const { color } = io;
  const forms = p.library?.userDataForms ?? ALL_FORMS;
  const password = p.credentials?.applicationPassword;
  try {
    await libraryPreflight({ command, form: forms[0] ?? 'host-port-pairs', startupMs, timeoutMs, ...(password !== undefined ? { password } : {}) });
  } catch (e) {
    if (!(e instanceof LibraryPreflightError)) throw e;
    io.err(`tlib-kit conform: preflight: ${(e as Error).message}\n`);
    return 2;
  }
  const part = shard.count > 1 ? `, shard ${shardLabel(shard)} of ${selected.length}` : '';
  io.out(`tlib-kit conform: ${scenarios.length} library scenarios${part} against ${libraryTargetInfo(command).description}, ${profile.source} (seed ${seed})\n`);
  const report = await runLibraryConformance({
    command,
    scenarios,
    catalogueIds: LIBRARY_SCENARIOS.map((s) => s.id),
    version: packageVersion(),
    timeoutMs,
    startupMs,
    dns: p.dns.map((d) => d.dn),
    ...(password !== undefined ? { password } : {}),
    forms,
    takesBackup: p.library?.takesBackup ?? true,
    seed,
    repeat,
    argv,
    ...(knownFailing ? { knownFailing } : {}),
    ...(knownFlaky ? { knownFlaky } : {}),
    ...(o.trace ? { onRecord: (r, id) => io.out(`[${id}] ${formatTraceRecord(r, { color })}\n`) } : {}),
    onResult: (r) => io.out(`${renderCaseLine(r, { color })}\n`),
    shard,
  });
  const failing = report.results.some((r) => r.verdict === 'fail' || r.verdict === 'timeout' || r.verdict === 'known-failure');
  if (knownFailing && (report.problems?.length || failing)) report.rewriteKnownFailing = rewriteCommand(argv, knownFailing.file);
  io.out(`\n${renderSummary(report, { color })}\n`);
  const byLevel = (level: 'must' | 'should'): string[] => report.results.filter((r) => r.level === level && (r.verdict === 'fail' || r.verdict === 'timeout')).map((r) => r.id);
  const [must, should] = [byLevel('must'), byLevel('should')];
  io.out(`must: ${must.length ? `${must.length} failed (${must.join(', ')})` : 'all met'}; should: ${should.length ? `${should.length} not met (${should.join(', ')})` : 'all met'}\n`);
  if (report.rewriteKnownFailing) io.out(`to make the known-failing list match this run:\n  ${report.rewriteKnownFailing}\n`);
  if (o.writeKnownFailing) {
    await writeKnownList(o.writeKnownFailing, report.results);
    io.err(`known-failing list written: ${o.writeKnownFailing}\n`);
  }
  await writeReports(report, o, io);
  return exitCodeOf(report);
}
