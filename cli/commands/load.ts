/**
 * `tlib-kit load`: many T-Library clients on the embedded simulator or any
 * target; every user event must reach exactly the clients registered on its
 * DN, once, in per-sender order. Prints progress and the figures; exit 0
 * clean, 1 anything lost, duplicated, misrouted or refused (or RSS over its
 * bound), 2 bad usage or an unreachable target.
 */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from '../commander.js';
import { parseTcpAddress } from '../../conformance/targets/target-spec.js';
import { ConformanceUsageError } from '../../conformance/model/usage-error.js';
import { writeReportFile } from '../../conformance/report/write-file.js';
import { checkLoadOptions, DEFAULT_LOAD, runLoad, type LoadOptions, type LoadResult } from '../../load/run-load.js';
import { loadProfile } from '../../conformance/profile/load.js';
import { DEFAULT_STEP_MS, type LoadedProfile } from '../../conformance/profile/model.js';
import { preflightTcp } from '../target-preflight.js';
import { parseShard, shardLabel, ShardError } from '../shard.js';
import { jsonText, say, warn } from '../terminal.js';

interface LoadCliOptions {
  target?: string;
  clients: number;
  events: number;
  senders: number;
  window: number;
  duration?: number;
  workers: number;
  shard?: string;
  dnPrefix: string;
  profile?: string;
  maxRssMb: number;
  timeoutS: number;
  json?: string;
  reportEvery?: number;
}

function positive(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError('expected a number of seconds');
  return n;
}

/** "p50 1.2 ms, ..." or, when no event arrived, a sentence instead of NaN. */
export function latencyText(l: { p50: number; p99: number; max: number }): string {
  if (!Number.isFinite(l.p50)) return 'none measured (no event arrived)';
  return `p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms (send to receiver dispatch)`;
}

function optionsOf(o: LoadCliOptions, loaded: LoadedProfile | undefined): LoadOptions {
  if (!/^[\w.-]*$/.test(o.dnPrefix)) throw new ConformanceUsageError(`--dn-prefix "${o.dnPrefix}" may hold only letters, digits, "_", "." and "-"`);
  const profile = loaded?.profile;
  const password = profile?.credentials?.applicationPassword;
  const options: LoadOptions = {
    ...DEFAULT_LOAD,
    clients: o.clients,
    events: o.events,
    senders: o.senders,
    window: o.window,
    maxRssMb: o.maxRssMb,
    timeoutMs: o.timeoutS * 1000,
    durationMs: Math.round((o.duration ?? 0) * 1000),
    dnPrefix: o.dnPrefix,
    // The profile's DNs, password and step timeout: load what conform certified, the way conform talks to it.
    ...(profile ? { dns: profile.dns.map((d) => d.dn), stepMs: profile.timeouts?.stepMs ?? DEFAULT_STEP_MS } : {}),
    ...(password !== undefined ? { password } : {}),
    workers: o.workers,
    shard: parseShard(o.shard),
    ...(o.target !== undefined ? { target: parseTcpAddress(o.target, '--target') } : {}),
  };
  try {
    checkLoadOptions(options);
  } catch (e) {
    throw new ConformanceUsageError((e as Error).message.replace(/^(\w+)/, (k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`));
  }
  return options;
}

function print(r: LoadResult): void {
  const t = r.tally;
  say(`machine: node ${r.machine.node}, ${r.machine.cpus} cpus, ${r.machine.platform}; ${r.workers} worker${r.workers === 1 ? '' : 's'}${r.shard.count > 1 ? `, shard ${shardLabel(r.shard)}` : ''}`);
  say(`connect: ${r.clients} clients registered on up to 2 DNs each in ${r.connect.ms} ms (${r.connect.perSecond}/s)`);
  say(`send:    ${t.acked} events acked in ${r.send.ms} ms: ${r.send.eventsPerSecond} events/s, ${r.send.deliveriesPerSecond} deliveries/s`);
  say(`latency: ${latencyText(r.latencyMs)}`);
  say(`checks:  expected ${t.expected}, received ${t.received}, lost ${t.lost}, duplicated ${t.duplicated}, misrouted ${t.misrouted}, refused ${t.sendErrors}`);
  say(`choices: ${t.echoed > 0 ? `the server echoes user events to their sender (${t.echoed} echoed)` : 'the server does not echo user events to their sender'}; ${t.reordered > 0 ? `${t.reordered} deliveries came after a later event of the same sender (the reference gives deliveries no order)` : "each sender's events came in the order sent"}${r.incidents.unreadRestore > 0 ? `; ${r.incidents.unreadRestore} EventRestoreConnection whose backup reference the client could not read (not used by load)` : ''}`);
  say(`memory:  peak RSS ${r.rss.peakMb} MiB of this process (bound ${r.rss.boundMb} MiB)`);
  if (r.incidents.samples.length > 0) say('incidents:');
  for (const sample of r.incidents.samples) say(`  ${sample}`);
  say(r.ok ? 'PASS' : `FAIL: ${r.failures.join('; ')}`);
}

async function load(o: LoadCliOptions): Promise<number> {
  if (o.profile !== undefined && o.target === undefined) throw new ConformanceUsageError('--profile needs --target (the embedded simulator serves any DN)');
  if (o.profile !== undefined && o.dnPrefix !== DEFAULT_LOAD.dnPrefix) throw new ConformanceUsageError('--dn-prefix and --profile both name the DNs to use: give one of them');
  const loaded = o.profile === undefined ? undefined : await loadProfile(o.profile);
  const options = optionsOf(o, loaded);
  if (options.target) {
    const problem = await preflightTcp({ primary: options.target, profile: loaded ?? { profile: { dns: [] }, source: 'no --profile' } });
    if (problem) {
      warn(`tlib-kit load: ${problem}`);
      return 2;
    }
  }
  const where = options.target ? `tcp://${options.target.host}:${options.target.port}` : 'the embedded simulator';
  const part = options.shard.count > 1 ? `shard ${shardLabel(options.shard)} of ` : '';
  const shape = options.durationMs > 0 ? `up to ${options.events} user events for ${options.durationMs / 1000} s` : `${options.events} user events`;
  say(`load: ${part}${options.clients} clients, ${shape} from ${options.senders} senders (window ${options.window}) on ${options.workers} worker${options.workers === 1 ? '' : 's'} against ${where}`);
  // Progress is for a person watching: on standard error, every second by default when it is a terminal, else only when asked.
  const every = o.reportEvery ?? (process.stderr.isTTY ? 1 : 0);
  const result = await runLoad(
    options,
    (p) => warn(`  [${p.phase}] connected ${p.connected}  acked ${p.acked}  delivered ${p.delivered}/${p.expectedDeliveries}  rss ${p.rssMb} MiB`),
    every > 0 ? every * 1000 : 2 ** 31 - 1,
  );
  print(result);
  if (o.json) {
    await writeReportFile(o.json, jsonText({ tool: 'tlib-kit', verb: 'load', ...result }, 2) + '\n');
    warn(`report written: ${o.json}`);
  }
  return result.ok ? 0 : 1;
}

export function registerLoad(program: Command): void {
  program
    .command('load')
    .description('drive a server (default: the embedded simulator) with many clients and check every user event arrives exactly once, where it should (order recorded)')
    .option('--target <tcp://host:port>', 'the server to load (default: an embedded simulator in this process)')
    .option('--clients <n>', 'client connections (the whole run: shards split them)', positive, DEFAULT_LOAD.clients)
    .option('--events <n>', 'user events sent in total (with --duration: at most)', positive, DEFAULT_LOAD.events)
    .option('--senders <n>', 'clients that send', positive, DEFAULT_LOAD.senders)
    .option('--window <n>', 'requests in flight per sender', positive, DEFAULT_LOAD.window)
    .option('--duration <seconds>', 'stop sending after this long; what was sent by then must arrive', nonNegative)
    .option('--workers <n>', 'worker threads the clients are spread over', positive, availableParallelism())
    .option('--shard <i/n>', 'this CI job\'s part: its own clients, senders, DN range and sender ids')
    .option('--dn-prefix <text>', 'DNs are this prefix and a number (give the prefix of a DN range the target serves)', DEFAULT_LOAD.dnPrefix)
    .option('--profile <file>', "a conform target profile (spec/profile.schema.json): spread the clients over its DNs, register with its password, wait its step timeout for late deliveries")
    .option('--max-rss-mb <n>', 'fail when the sampled RSS of this process passes this', positive, DEFAULT_LOAD.maxRssMb)
    .option('--timeout-s <n>', 'stop and fail after this many seconds', positive, DEFAULT_LOAD.timeoutMs / 1000)
    .option('--report-every <seconds>', 'progress line interval, on standard error (0: none; default: 1 on a terminal, else none)', nonNegative)
    .option('--json <file>', 'write the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  tlib-kit load                                        2,000 clients, 100,000 events on the embedded simulator
  tlib-kit load --target tcp://10.0.0.5:7000 --clients 500 --events 20000 --dn-prefix 70
  tlib-kit load --target tcp://10.0.0.5:7000 --profile lab.json --clients 64 --events 5000
  tlib-kit load --shard 2/4 --workers 2 --json load-2.json   one of four CI jobs

Exit codes: 0 clean, 1 lost, duplicated, misrouted or refused events (or RSS over the bound), 2 bad usage or unreachable target.`,
    )
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .action(async (o: LoadCliOptions) => {
      try {
        process.exitCode = await load(o);
      } catch (e) {
        if (!(e instanceof ConformanceUsageError) && !(e instanceof ShardError)) throw e;
        warn(`tlib-kit load: ${e.message}`);
        process.exitCode = 2;
      }
    });
}
