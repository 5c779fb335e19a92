/**
 * One load run: a simulator, `clients` TClients each registered on two DNs,
 * the first `senders` of them sending `events` user events between them
 * (each carrying its sender id and sequence number in UserData), every
 * delivery checked by the receiver's ledger. Used by `npm run load` (full
 * size) and by load.test.ts (small size), so both run the same code.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { TClient } from '../../src/client/index.js';
import type { Message } from '../../src/index.js';
import { startSimulator } from '../../src/sim/index.js';
import { ReceiverLedger, totals, type LedgerTotals } from './ledger.js';
import { percentile } from './percentile.js';
import { dnName, makePlan, type LoadShape, type Plan } from './plan.js';
import { RssSampler } from './rss-sampler.js';

export interface LoadOptions extends LoadShape {
  /** Requests each sender keeps in flight. */
  window: number;
  /** The run fails when sampled RSS exceeds this many MiB. */
  maxRssMb: number;
  /** The whole run (connect, send, drain) must finish within this; past it the run stops and fails. */
  timeoutMs: number;
  /** Clients opening at the same time. */
  connectConcurrency: number;
}

export const DEFAULT_LOAD: Readonly<LoadOptions> = Object.freeze({
  clients: 2000,
  events: 100_000,
  senders: 50,
  window: 32,
  maxRssMb: 512,
  timeoutMs: 300_000,
  connectConcurrency: 200,
});

export interface Progress {
  phase: 'connect' | 'send' | 'drain' | 'close';
  connected: number;
  acked: number;
  delivered: number;
  expectedDeliveries: number;
  rssMb: number;
}

export interface LoadResult extends LoadShape {
  ok: boolean;
  failures: string[];
  machine: { node: string; cpus: number; platform: string };
  connect: { ms: number; perSecond: number };
  send: { ms: number; eventsPerSecond: number; deliveriesPerSecond: number };
  latencyMs: { p50: number; p99: number; max: number };
  tally: LedgerTotals & { acked: number; sendErrors: number };
  rss: { peakMb: number; boundMb: number };
  /** Client 'error' and 'disconnected' reports, and simulator log lines (closed connections and why). */
  incidents: { clientErrors: number; disconnects: number; simLog: number; samples: string[] };
}

const mb = (bytes: number) => Math.round((bytes / (1 << 20)) * 10) / 10;

export function checkLoadOptions(o: LoadOptions): void {
  for (const key of ['clients', 'events', 'senders', 'window', 'maxRssMb', 'timeoutMs', 'connectConcurrency'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 1) throw new RangeError(`${key} must be a positive integer, got ${String(o[key])}`);
  }
  if (o.senders > o.clients) throw new RangeError(`senders (${o.senders}) cannot exceed clients (${o.clients})`);
}

export async function runLoad(options: LoadOptions, onProgress: (p: Progress) => void = () => {}, progressMs = 1000): Promise<LoadResult> {
  checkLoadOptions(options);
  const plan = makePlan(options);
  const failures: string[] = [];
  const samples: string[] = [];
  const note = (line: string) => samples.length < 20 && samples.push(line);
  let simLog = 0;
  const rss = new RssSampler(50);
  const sim = await startSimulator({ pair: false, log: (line) => (simLog++, note(`sim: ${line}`)) });
  const deadline = Date.now() + options.timeoutMs;
  const state = { phase: 'connect' as Progress['phase'], connected: 0, acked: 0, sendErrors: 0, clientErrors: 0, disconnects: 0, aborted: false };
  const ledgers = Array.from({ length: options.clients }, (_, c) => new ReceiverLedger(plan, c));
  const expectedDeliveries = ledgers.reduce((n, l) => n + l.expected, 0);
  const latencies = new Float64Array(expectedDeliveries);
  let latencyCount = 0;
  let delivered = 0;
  const senderBase = new Uint32Array(options.senders + 1);
  for (let s = 0; s < options.senders; s++) senderBase[s + 1] = senderBase[s]! + plan.eventsOf(s);
  const sentAt = new Float64Array(options.events);

  const receive = (c: number, e: Message) => {
    if (e.Event !== 'EventUserEvent') return;
    delivered++;
    const { dn, sender, seq } = readUserEvent(e);
    if (!ledgers[c]!.record(dn, sender, seq)) return note(`client ${c}: rejected ${e.ThisDN} sender ${sender} seq ${seq}`);
    if (latencyCount < latencies.length) latencies[latencyCount++] = performance.now() - sentAt[senderBase[sender]! + seq]!;
  };

  const progress = setInterval(
    () => onProgress({ phase: state.phase, connected: state.connected, acked: state.acked, delivered, expectedDeliveries, rssMb: mb(rss.sample()) }),
    progressMs,
  ).unref();
  const clients: TClient[] = [];
  const times = { connect: 0, send: 0 };
  try {
    const t0 = performance.now();
    await withDeadline(deadline, 'connect', state, () =>
      inBatches(options.clients, options.connectConcurrency, state, async (c) => {
        const client = new TClient({ primary: sim.primary, applicationName: `load-${c}`, reconnect: { enabled: false }, onEvent: (e) => receive(c, e) });
        client.on('error', (err) => (state.clientErrors++, note(`client ${c} error: ${err.message}`)));
        client.on('disconnected', (info) => (state.disconnects++, note(`client ${c} disconnected: ${info.reason}`)));
        clients[c] = client;
        await client.open();
        for (const dn of plan.dnsOf(c)) await client.registerAddress(dnName(dn));
        state.connected++;
      }),
    );
    times.connect = performance.now() - t0;

    state.phase = 'send';
    const t1 = performance.now();
    await withDeadline(deadline, 'send', state, () =>
      Promise.all(Array.from({ length: options.senders }, (_, s) => sendAll(clients[s]!, s, plan, options.window, state, sentAt, senderBase[s]!, note))),
    );
    times.send = performance.now() - t1;

    // Every delivery is written before its EventACK, so once all ACKs are in, an answered request on each receiver fences everything owed to it.
    state.phase = 'drain';
    await withDeadline(deadline, 'drain', state, () => inBatches(options.clients, options.connectConcurrency, state, (c) => clients[c]!.queryAddress('fence').then(() => undefined)));
  } catch (e) {
    failures.push((e as Error).message);
  } finally {
    state.phase = 'close';
    state.aborted = true;
    clearInterval(progress);
    await Promise.all(clients.map((c) => c?.close()));
    await sim.close();
    rss.stop();
  }

  const t = totals(ledgers);
  const sendSeconds = times.send / 1000 || Number.NaN;
  if (t.lost > 0) failures.push(`${t.lost} deliveries lost`);
  if (t.duplicated > 0) failures.push(`${t.duplicated} deliveries duplicated or out of order`);
  if (t.misrouted > 0) failures.push(`${t.misrouted} deliveries misrouted`);
  if (state.acked !== options.events) failures.push(`${options.events - state.acked} of ${options.events} user events not acknowledged (${state.sendErrors} refused)`);
  if (state.disconnects > 0) failures.push(`${state.disconnects} clients disconnected`);
  if (state.clientErrors > 0) failures.push(`${state.clientErrors} client errors`);
  if (mb(rss.peak) > options.maxRssMb) failures.push(`peak RSS ${mb(rss.peak)} MiB above the bound of ${options.maxRssMb} MiB`);
  return {
    clients: options.clients,
    events: options.events,
    senders: options.senders,
    ok: failures.length === 0,
    failures,
    machine: { node: process.version, cpus: availableParallelism(), platform: process.platform },
    connect: { ms: Math.round(times.connect), perSecond: Math.round(state.connected / (times.connect / 1000)) },
    send: { ms: Math.round(times.send), eventsPerSecond: Math.round(state.acked / sendSeconds), deliveriesPerSecond: Math.round(delivered / sendSeconds) },
    latencyMs: {
      p50: round2(percentile(latencies, latencyCount, 50)),
      p99: round2(percentile(latencies, latencyCount, 99)),
      max: round2(percentile(latencies, latencyCount, 100)),
    },
    tally: { ...t, acked: state.acked, sendErrors: state.sendErrors },
    rss: { peakMb: mb(rss.peak), boundMb: options.maxRssMb },
    incidents: { clientErrors: state.clientErrors, disconnects: state.disconnects, simLog, samples },
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Sender id and sequence number from UserData [['s', sender], ['q', seq]]; NaN where absent, which the ledger counts as misrouted. */
function readUserEvent(e: Message): { dn: number; sender: number; seq: number } {
  const field = (key: string) => {
    const v = e.UserData?.find(([k]) => k === key)?.[1];
    return typeof v === 'number' ? v : Number.NaN;
  };
  const dn = typeof e.ThisDN === 'string' && /^L\d+$/.test(e.ThisDN) ? Number(e.ThisDN.slice(1)) : Number.NaN;
  return { dn, sender: field('s'), seq: field('q') };
}

/** One sender: `window` workers take the next seq in turn, so requests leave in seq order and at most `window` wait for their ACK. */
async function sendAll(
  client: TClient,
  s: number,
  plan: Plan,
  window: number,
  state: { acked: number; sendErrors: number; aborted: boolean },
  sentAt: Float64Array,
  base: number,
  note: (line: string) => void,
): Promise<void> {
  const total = plan.eventsOf(s);
  let next = 0;
  const worker = async () => {
    while (next < total && !state.aborted) {
      const seq = next++;
      sentAt[base + seq] = performance.now();
      try {
        await client.sendUserEvent(dnName(plan.targetOf(s, seq)), [['s', s], ['q', seq]]);
        state.acked++;
      } catch (e) {
        state.sendErrors++;
        note(`sender ${s} seq ${seq}: ${(e as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, total) }, worker));
}

/** Runs fn(i) for i in [0, count) with at most `concurrency` at a time; stops starting new ones once aborted. */
async function inBatches(count: number, concurrency: number, state: { aborted: boolean }, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count && !state.aborted) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Fails the phase (and stops the loops, via `aborted`) when the run's deadline passes. */
async function withDeadline<T>(deadline: number, phase: string, state: { aborted: boolean }, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      state.aborted = true;
      reject(new Error(`run timed out in the ${phase} phase`));
    }, Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([fn(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
