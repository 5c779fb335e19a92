/**
 * A load run: its partitions (one per worker thread, of this CI shard) run
 * against the embedded simulator (started here) or any target, then their
 * ledgers, latencies and timings are joined into one result. Used by
 * `tlib-kit load` and by test/load/, so both run the same code.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_STEP_MS } from '../conformance/profile/model.js';
import { startSimulator, type SimHandle } from '../src/sim/index.js';
import type { DnNaming } from './dn-names.js';
import { runPartition, type PartitionCounters, type PartitionResult, type PartitionSettings, type Phase } from './partition-run.js';
import { percentile } from './percentile.js';
import { partitionsOf, type LoadShape, type Partition } from './plan.js';
import { RssSampler } from './rss-sampler.js';
import { runInWorkers } from './threads.js';

export interface LoadOptions extends LoadShape {
  /** Requests each sender keeps in flight. */
  window: number;
  /** The run fails when sampled RSS exceeds this many MiB. */
  maxRssMb: number;
  /** The whole run (connect, send, drain) must finish within this; past it the run stops and fails. */
  timeoutMs: number;
  /** Clients opening at the same time (per worker). */
  connectConcurrency: number;
  /** Stop sending after this many ms (what was sent by then is owed); 0: send all `events`. */
  durationMs: number;
  /** The server to load; absent: an embedded simulator in this process. */
  target?: { host: string; port: number };
  /** DN names are this prefix and a number (the DN range of each shard and worker is disjoint). */
  dnPrefix: string;
  /** A fixed list of DNs instead (a profile's): split over the shards and workers, each part its own. */
  dns?: readonly string[];
  /** Sent as ApplicationPassword by every client. */
  password?: string;
  /** How long a delivery may come after the last acknowledgement. */
  stepMs: number;
  /** Worker threads the clients are spread over; 1 runs them in this thread. */
  workers: number;
  /** This CI job's part of the run (1-based); every shard takes its own clients, senders, DN range and sender ids. */
  shard: { index: number; count: number };
}

export const DEFAULT_LOAD: Readonly<LoadOptions> = Object.freeze({
  clients: 2000,
  events: 100_000,
  senders: 50,
  window: 32,
  maxRssMb: 512,
  timeoutMs: 300_000,
  connectConcurrency: 200,
  durationMs: 0,
  dnPrefix: 'L',
  stepMs: DEFAULT_STEP_MS,
  workers: 1,
  shard: Object.freeze({ index: 1, count: 1 }),
});

export interface Progress extends Omit<PartitionCounters, 'phase'> {
  phase: Phase;
  rssMb: number;
}

export interface LoadResult extends LoadShape {
  ok: boolean;
  failures: string[];
  target: string;
  workers: number;
  shard: { index: number; count: number };
  machine: { node: string; cpus: number; platform: string };
  connect: { ms: number; perSecond: number };
  send: { ms: number; eventsPerSecond: number; deliveriesPerSecond: number };
  latencyMs: { p50: number; p99: number; max: number };
  tally: PartitionResult['tally'];
  rss: { peakMb: number; boundMb: number };
  /** Client 'error' and 'disconnected' reports, and simulator log lines (closed connections and why). */
  incidents: { clientErrors: number; unreadRestore: number; disconnects: number; simLog: number; samples: string[] };
}

const mb = (bytes: number) => Math.round((bytes / (1 << 20)) * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const PHASES: readonly Phase[] = ['connect', 'send', 'drain', 'close'];

export function checkLoadOptions(o: LoadOptions): Partition[] {
  for (const key of ['clients', 'events', 'senders', 'window', 'maxRssMb', 'timeoutMs', 'connectConcurrency', 'workers'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 1) throw new RangeError(`${key} must be a positive integer, got ${String(o[key])}`);
  }
  if (!Number.isInteger(o.durationMs) || o.durationMs < 0) throw new RangeError(`durationMs must be 0 or a positive integer, got ${String(o.durationMs)}`);
  if (o.senders > o.clients) throw new RangeError(`senders (${o.senders}) cannot exceed clients (${o.clients})`);
  const parts = o.shard.count * o.workers;
  if (o.senders < parts) throw new RangeError(`senders (${o.senders}) must be at least shards × workers (${o.shard.count} × ${o.workers}): every part needs a sender`);
  if (o.events < parts) throw new RangeError(`events (${o.events}) must be at least shards × workers (${parts})`);
  if (o.dns !== undefined && o.dns.length < parts) throw new RangeError(`dns: ${o.dns.length} DNs listed; shards × workers (${o.shard.count} × ${o.workers}) parts need at least one each`);
  if (!(o.stepMs > 0)) throw new RangeError(`stepMs must be positive, got ${String(o.stepMs)}`);
  return partitionsOf(o, o.shard, o.workers, o.dns?.length);
}

const namingOf = (o: LoadOptions): DnNaming => (o.dns !== undefined ? { list: o.dns } : { prefix: o.dnPrefix });

export async function runLoad(options: LoadOptions, onProgress: (p: Progress) => void = () => {}, progressMs = 1000): Promise<LoadResult> {
  const partitions = checkLoadOptions(options);
  const samples: string[] = [];
  let simLog = 0;
  const rss = new RssSampler(50);
  let sim: SimHandle | undefined;
  if (!options.target) sim = await startSimulator({ pair: false, log: (line) => (simLog++, samples.length < 20 && samples.push(`sim: ${line}`)) });
  const address = options.target ?? sim!.primary;
  const settings: PartitionSettings = {
    address: { host: address.host, port: address.port },
    window: options.window,
    connectConcurrency: options.connectConcurrency,
    deadline: Date.now() + options.timeoutMs,
    durationMs: options.durationMs,
    naming: namingOf(options),
    ...(options.password !== undefined ? { password: options.password } : {}),
    stepMs: options.stepMs,
  };
  const counters = partitions.map((): PartitionCounters => ({ phase: 'connect', connected: 0, acked: 0, delivered: 0, expectedDeliveries: 0 }));
  const progress = setInterval(() => {
    const sum = (k: 'connected' | 'acked' | 'delivered' | 'expectedDeliveries') => counters.reduce((n, c) => n + c[k], 0);
    const phase = PHASES[Math.min(...counters.map((c) => PHASES.indexOf(c.phase)))]!;
    onProgress({ phase, connected: sum('connected'), acked: sum('acked'), delivered: sum('delivered'), expectedDeliveries: sum('expectedDeliveries'), rssMb: mb(rss.sample()) });
  }, progressMs).unref();
  let results: PartitionResult[];
  try {
    results = options.workers === 1 ? [await runPartition(partitions[0]!, settings, counters[0]!)] : await runInWorkers(partitions, settings, counters);
  } finally {
    clearInterval(progress);
    await sim?.close();
    rss.stop();
  }
  return joinResults(options, partitions, results, { peakBytes: rss.peak, simLog, samples, target: options.target ? `tcp://${address.host}:${address.port}` : 'embedded simulator' });
}

function joinResults(o: LoadOptions, partitions: readonly Partition[], results: PartitionResult[], extra: { peakBytes: number; simLog: number; samples: string[]; target: string }): LoadResult {
  const sum = (f: (r: PartitionResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const tally = {
    expected: sum((r) => r.tally.expected),
    received: sum((r) => r.tally.received),
    lost: sum((r) => r.tally.lost),
    duplicated: sum((r) => r.tally.duplicated),
    misrouted: sum((r) => r.tally.misrouted),
    reordered: sum((r) => r.tally.reordered),
    echoed: sum((r) => r.tally.echoed),
    acked: sum((r) => r.tally.acked),
    sendErrors: sum((r) => r.tally.sendErrors),
    sent: sum((r) => r.tally.sent),
  };
  // Wall-clock windows across partitions: the earliest start to the latest end.
  const connectStart = Math.min(...results.map((r) => r.times.connectStart));
  const sendStart = Math.min(...results.map((r) => r.times.sendStart));
  const sendEnd = Math.max(...results.map((r) => r.times.sendEnd));
  const connectMs = sendStart - connectStart;
  const sendSeconds = (sendEnd - sendStart) / 1000 || Number.NaN;
  const latencies = new Float64Array(sum((r) => r.latencies.length));
  let at = 0;
  for (const r of results) (latencies.set(r.latencies, at), (at += r.latencies.length));
  const connected = sum((r) => (Number.isFinite(r.times.sendStart) ? 1 : 0));
  const clientErrors = sum((r) => r.clientErrors);
  const disconnects = sum((r) => r.disconnects);
  const failures = [...new Set(results.flatMap((r) => r.failures))];
  const planned = partitions.reduce((n, p) => n + p.events, 0);
  const owedEvents = o.durationMs > 0 ? tally.sent : planned;
  if (tally.lost > 0) failures.push(`${tally.lost} deliveries lost`);
  if (tally.duplicated > 0) failures.push(`${tally.duplicated} deliveries duplicated`);
  if (tally.misrouted > 0) failures.push(`${tally.misrouted} deliveries misrouted`);
  if (tally.acked !== owedEvents) failures.push(`${owedEvents - tally.acked} of ${owedEvents} user events not acknowledged (${tally.sendErrors} refused)`);
  if (disconnects > 0) failures.push(`${disconnects} clients disconnected`);
  if (clientErrors > 0) failures.push(`${clientErrors} client errors`);
  if (mb(extra.peakBytes) > o.maxRssMb) failures.push(`peak RSS ${mb(extra.peakBytes)} MiB above the bound of ${o.maxRssMb} MiB`);
  const shardClients = partitions.reduce((n, p) => n + p.clients, 0);
  return {
    clients: shardClients,
    events: planned,
    senders: partitions.reduce((n, p) => n + p.senders, 0),
    ok: failures.length === 0,
    failures,
    target: extra.target,
    workers: o.workers,
    shard: o.shard,
    machine: { node: process.version, cpus: availableParallelism(), platform: process.platform },
    connect: { ms: Math.round(connectMs), perSecond: connected === results.length ? Math.round(shardClients / (connectMs / 1000)) : 0 },
    send: { ms: Math.round(sendEnd - sendStart), eventsPerSecond: Math.round(tally.acked / sendSeconds), deliveriesPerSecond: Math.round(sum((r) => r.delivered) / sendSeconds) },
    latencyMs: {
      p50: round2(percentile(latencies, latencies.length, 50)),
      p99: round2(percentile(latencies, latencies.length, 99)),
      max: round2(percentile(latencies, latencies.length, 100)),
    },
    tally,
    rss: { peakMb: mb(extra.peakBytes), boundMb: o.maxRssMb },
    incidents: { clientErrors, unreadRestore: sum((r) => r.unreadRestore), disconnects, simLog: extra.simLog, samples: [...extra.samples, ...results.flatMap((r) => r.samples)].slice(0, 20) },
  };
}

