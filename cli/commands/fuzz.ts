/**
 * `tlib-kit fuzz`: the property-based fuzzer (fuzz/) under a time budget,
 * on every core (one seed stream per worker thread) and CI shard, against
 * the embedded simulator or any target (`--target`, the live-server
 * property). fast-check is a devDependency, so it and the fuzz modules are
 * imported only when the command runs, with a clear message when they are missing.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from '../commander.js';
import { parseTcpAddress } from '../../conformance/targets/target-spec.js';
import { loadProfile } from '../../conformance/profile/load.js';
import type { LoadedProfile } from '../../conformance/profile/model.js';
import { ConformanceUsageError } from '../../conformance/model/usage-error.js';
import { preflightTcp } from '../target-preflight.js';
import { parseShard, ShardError, type Shard } from '../shard.js';
import { say, warn } from '../terminal.js';

interface FuzzCliOptions {
  time: string;
  runs?: string;
  timeout?: string;
  seed?: string;
  path?: string;
  property?: string[];
  list?: boolean;
  corpus: string;
  reportEvery?: string;
  target?: string;
  backup?: string;
  dns?: string;
  profile?: string;
  workers?: string;
  shard?: string;
}

class FuzzOptionError extends Error {}

function fail(message: string): never {
  throw new FuzzOptionError(`tlib-kit fuzz: ${message}`);
}

function parseOptions(o: FuzzCliOptions, profile: LoadedProfile | undefined) {
  const time = Number(o.time);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(o.time) || !(time > 0)) fail(`--time must be a positive number of seconds, got ${JSON.stringify(o.time)}`);
  const stepMs = o.timeout === undefined ? undefined : Number(o.timeout);
  if (o.timeout !== undefined && (!/^\d+$/.test(o.timeout) || !(stepMs! >= 1) || stepMs! > 600_000)) fail(`--timeout must be a number of milliseconds from 1 to 600000, got ${JSON.stringify(o.timeout)}`);
  const maxRuns = o.runs === undefined ? undefined : Number(o.runs);
  if (o.runs !== undefined && (!/^\d+$/.test(o.runs) || !(maxRuns! >= 1))) fail(`--runs must be a positive integer, got ${JSON.stringify(o.runs)}`);
  let seed: number | undefined;
  if (o.seed !== undefined) {
    seed = Number(o.seed);
    if (!/^\d+$/.test(o.seed) || seed > 0x7fffffff) fail(`--seed must be an integer from 0 to 2147483647, got ${JSON.stringify(o.seed)}`);
  }
  if (o.path !== undefined) {
    if (!/^\d+(:\d+)*$/.test(o.path)) fail(`--path must be a fast-check path like 12:0:3, got ${JSON.stringify(o.path)}`);
    if (seed === undefined || (o.property ?? []).length !== 1) fail('--path replays one failure: give it with --seed and exactly one --property');
  }
  // Progress is for a person watching: by default every 10 s when standard error is a terminal, else none.
  const reportEvery = o.reportEvery === undefined ? (process.stderr.isTTY ? 10 : 0) : Number(o.reportEvery);
  if (!(reportEvery >= 0)) fail(`--report-every must be a number of seconds (0 for none), got ${JSON.stringify(o.reportEvery)}`);
  const names = (o.property ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  const workers = o.workers === undefined ? availableParallelism() : Number(o.workers);
  if (o.workers !== undefined && (!/^\d+$/.test(o.workers) || workers < 1 || workers > 1000)) fail(`--workers must be an integer from 1 to 1000, got ${JSON.stringify(o.workers)}`);
  let shard: Shard;
  try {
    shard = parseShard(o.shard);
  } catch (e) {
    fail((e as ShardError).message);
  }
  const target = targetOf(o, profile);
  return { time, maxRuns, stepMs, seed, path: o.path, names, corpus: resolve(o.corpus), reportEveryMs: reportEvery * 1000, workers: o.path === undefined ? workers : 1, shard, target };
}

/**
 * --target, --backup, --profile and --dns as the live-server property's
 * target: the DNs are the profile's (--dns may narrow them to some of its
 * own, as a replay does), and the profile's agents, password and step
 * timeout go with them.
 */
function targetOf(o: FuzzCliOptions, loaded: LoadedProfile | undefined) {
  if (o.target === undefined) {
    if (o.backup !== undefined || o.dns !== undefined || o.profile !== undefined) fail('--backup, --dns and --profile need --target (the embedded simulator has its own)');
    return undefined;
  }
  const listed = loaded?.profile.dns.map((d) => d.dn);
  const dns = o.dns === undefined ? listed : dnList(o.dns);
  const strangers = listed && dns ? dns.filter((dn) => !listed.includes(dn)) : [];
  if (strangers.length > 0) fail(`--dns names ${strangers.join(', ')}, which the profile ${o.profile} does not list`);
  try {
    const primary = parseTcpAddress(o.target, '--target');
    const backup = o.backup === undefined ? undefined : parseTcpAddress(o.backup, '--backup');
    const profile = loaded ?? { profile: { dns: (dns ?? []).map((dn) => ({ dn })) }, source: 'no --profile' };
    return { text: o.target, primary, backup, backupText: o.backup, profileFile: o.profile, profile, dns, given: loaded?.profile };
  } catch (e) {
    if (e instanceof ConformanceUsageError) fail(e.message);
    throw e;
  }
}

/** "7001-7006,7100" into its DNs; ranges count upwards. */
function dnList(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (!range) {
      if (!/^[\w.@+-]+$/.test(part)) fail(`--dns: "${part}" is not a DN or a range like 7001-7012`);
      out.push(part);
      continue;
    }
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to < from || to - from >= 30_000) fail(`--dns: the range ${part} must count upwards, 30,000 DNs at most`);
    for (let n = from; n <= to; n++) out.push(String(n).padStart(range[1]!.length, '0'));
  }
  if (new Set(out).size !== out.length) fail('--dns names a DN twice: each worker needs DNs of its own');
  return out;
}

export function registerFuzz(program: Command): void {
  program
    .command('fuzz')
    .description('run the fuzz properties (codec, schemas, live simulator) with random seeds under a time budget')
    .option('--time <seconds>', 'time budget in seconds', '60')
    .option('--runs <n>', 'runs of each property at most (per worker): a budget a slow or loaded machine meets too')
    .option('--timeout <ms>', "with --target: how long an answer or an owed delivery may take (default: the profile's timeouts.stepMs, else 2000)")
    .option('--seed <n>', 'base seed (default: random); with --path, the seed of one failure')
    .option('--path <path>', 'replay one failure: the path printed with it (needs --seed and --property)')
    .option('--property <name>', 'run only this property (repeatable, or comma-separated)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--list', 'list the properties and exit')
    .option('--corpus <dir>', 'where failing inputs are saved', 'fuzz/corpus')
    .option('--report-every <seconds>', 'progress line interval, on standard error (0: none; default: 10 on a terminal, else none)')
    .option('--target <tcp://host:port>', 'fuzz this server with the live-server property (the default property with --target) instead of the embedded simulator')
    .option('--backup <tcp://host:port>', "the target's backup: it must keep accepting clients too")
    .option('--profile <file>', "a conform target profile (spec/profile.schema.json): fuzz the DNs and agents it lists, with its credentials and step timeout")
    .option('--dns <list>', 'DNs the target serves, e.g. 7001-7012 (3 per worker per shard; with --profile, some of its DNs; default: the profile\'s, else generated 900000…)')
    .option('--workers <n>', 'worker threads, each its own seed stream derived from the base seed (default: the number of CPUs)')
    .option('--shard <i/n>', "this CI job's part: seed streams (and DNs) no other shard uses; give every shard the same --seed")
    .addHelpText(
      'after',
      `
Examples:
  tlib-kit fuzz --time 600                                 every property, on every core
  tlib-kit fuzz --target tcp://10.0.0.5:7000 --backup tcp://10.0.0.6:7000 --dns 7001-7012 --workers 4
  tlib-kit fuzz --seed 42 --shard 3/8 --time 3600          one of eight CI jobs

A failure prints its shrunk counterexample and the command that replays it
(against the same target), and is saved under --corpus.
Exit codes: 0 no failure, 1 a property failed, 2 bad usage or unreachable target.`,
    )
    .action(async (raw: FuzzCliOptions) => {
      let o: ReturnType<typeof parseOptions>;
      try {
        // The profile of conform (spec/profile.schema.json): the DNs, agents, credentials and timeouts of the target.
        o = parseOptions(raw, raw.profile === undefined ? undefined : await loadProfile(raw.profile));
      } catch (e) {
        if (e instanceof ConformanceUsageError) {
          warn(`tlib-kit fuzz: ${e.message}`);
          process.exitCode = 2;
          return;
        }
        if (!(e instanceof FuzzOptionError)) throw e;
        warn(e.message);
        process.exitCode = 2;
        return;
      }
      let fuzz: FuzzModules;
      try {
        fuzz = await loadFuzzModules();
      } catch (e) {
        // From an npm install both fuzz/ and its devDependencies are absent; the cause names which.
        warn(`tlib-kit fuzz: the fuzzer runs only in a checkout of tlib-kit after \`npm install\` (fuzz/ and its development dependencies fast-check and binary-parser are not in the npm package): ${e instanceof Error ? e.message : String(e)}`);
        process.exitCode = 2;
        return;
      }
      const { ALL_PROPERTIES, SERVER_PROPERTIES, runFuzz, runStreams, formatSummary, setLiveTarget, streamDns, streamIndex, streamSeed, termsOfProfile } = fuzz;
      if (raw.list) {
        for (const p of ALL_PROPERTIES) say(`${p.name.padEnd(24)} ${p.summary}`);
        return;
      }
      const unknown = o.names.filter((n) => !ALL_PROPERTIES.some((p) => p.name === n));
      if (unknown.length > 0) {
        warn(`tlib-kit fuzz: --property ${unknown.join(', ')} is not a property (see --list)`);
        process.exitCode = 2;
        return;
      }
      // With a target, the properties that talk to it; the codec's do not need one.
      const defaults = o.target ? SERVER_PROPERTIES : ALL_PROPERTIES;
      const properties = o.names.length > 0 ? ALL_PROPERTIES.filter((p) => o.names.includes(p.name)) : defaults;
      const t = o.target;
      if (t) {
        const problem = await preflightTcp(t);
        if (problem) {
          warn(`tlib-kit fuzz: ${problem}`);
          process.exitCode = 2;
          return;
        }
      }
      const baseSeed = o.seed ?? Math.floor(Math.random() * 0x7fffffff);
      let streams;
      try {
        streams = Array.from({ length: o.workers }, (_, w) => {
          const index = streamIndex(o.shard, w);
          if (!t) return { index, seed: streamSeed(baseSeed, index), replayWords: [] };
          const dns = streamDns(t.dns, o.shard, o.workers, w);
          // Everything that shapes what the stream sends, so its replay plays against the same target the same way.
          const words = ['--target', t.text, ...(t.backupText ? ['--backup', t.backupText] : []), ...(t.profileFile ? ['--profile', t.profileFile] : []), ...(o.stepMs !== undefined ? ['--timeout', String(o.stepMs)] : []), '--dns', dns.join(',')];
          return { index, seed: streamSeed(baseSeed, index), target: { primary: t.primary, ...(t.backup ? { backup: t.backup } : {}), dns, ...termsOfProfile(t.given), ...(o.stepMs !== undefined ? { stepMs: o.stepMs } : {}) }, replayWords: words };
        });
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        warn(`tlib-kit fuzz: ${e.message}`);
        process.exitCode = 2;
        return;
      }
      let summary;
      if (o.path !== undefined) {
        const [s] = streams as [(typeof streams)[number]];
        setLiveTarget(s.target);
        summary = await runFuzz({ properties, timeSeconds: o.time, ...(o.maxRuns !== undefined ? { maxRuns: o.maxRuns } : {}), seed: baseSeed, path: o.path, corpusDir: o.corpus, reportEveryMs: o.reportEveryMs, replayWords: s.replayWords, out: say, progress: warn });
      } else {
        summary = await runStreams({ propertyNames: properties.map((p) => p.name), timeSeconds: o.time, ...(o.maxRuns !== undefined ? { maxRuns: o.maxRuns } : {}), corpusDir: o.corpus, reportEveryMs: o.reportEveryMs, streams, baseSeed, out: say, progress: warn });
      }
      for (const line of formatSummary(summary)) say(line);
      if (summary.failures.length > 0) process.exitCode = 1;
    });
}

type FuzzModules = typeof import('../../fuzz/properties/index.js') &
  typeof import('../../fuzz/properties/catalog.js') &
  typeof import('../../fuzz/properties/server.js') &
  typeof import('../../fuzz/runner.js') &
  typeof import('../../fuzz/parallel.js') &
  typeof import('../../fuzz/streams.js') &
  typeof import('../../fuzz/live/target.js');

async function loadFuzzModules(): Promise<FuzzModules> {
  const modules = await Promise.all([
    import('../../fuzz/properties/index.js'),
    import('../../fuzz/properties/catalog.js'),
    import('../../fuzz/properties/server.js'),
    import('../../fuzz/runner.js'),
    import('../../fuzz/parallel.js'),
    import('../../fuzz/streams.js'),
    import('../../fuzz/live/target.js'),
  ]);
  return Object.assign({}, ...modules) as FuzzModules;
}

