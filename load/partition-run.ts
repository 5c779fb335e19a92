/**
 * One partition of a load run, in whichever thread runs it: `clients`
 * TClients each registered on two DNs of the partition's range, the first
 * `senders` of them sending user events (each carrying its global sender id
 * and sequence number in UserData), every delivery checked by the
 * receiver's ledger as it arrives.
 */
import { performance } from 'node:perf_hooks';
import { isClientError, TClient } from '../src/client/index.js';
import type { Message } from '../src/codec/types.js';
import { ReceiverLedger, totals, type LedgerTotals } from './ledger.js';
import { dnIndexOf, dnNameOf, type DnNaming } from './dn-names.js';
import { makePlan, type Partition, type Plan } from './plan.js';
import { withDeadline } from '../src/util/deadline.js';

export interface PartitionSettings {
  /** Where the clients connect. */
  address: { host: string; port: number };
  /** Requests each sender keeps in flight. */
  window: number;
  /** Clients opening at the same time. */
  connectConcurrency: number;
  /** Absolute time (epoch ms) past which the partition stops and fails. */
  deadline: number;
  /** Stop sending after this many ms of the send phase (the events sent so far are owed); 0: send them all. */
  durationMs: number;
  /** The DNs' names. */
  naming: DnNaming;
  /** Sent as ApplicationPassword when each client registers. */
  password?: string;
  /** How long a delivery may come after the last acknowledgement (a server may fan out later than it answers). */
  stepMs: number;
}

export type Phase = 'connect' | 'send' | 'drain' | 'close';

export interface PartitionCounters {
  phase: Phase;
  connected: number;
  acked: number;
  delivered: number;
  expectedDeliveries: number;
}

export interface PartitionResult {
  tally: LedgerTotals & { acked: number; sendErrors: number; sent: number };
  delivered: number;
  /** Send-to-dispatch latencies of the good deliveries, ms. */
  latencies: Float64Array;
  /** Epoch ms of the phase boundaries: connect start, send start, send end. */
  times: { connectStart: number; sendStart: number; sendEnd: number };
  clientErrors: number;
  /** EventRestoreConnection whose backup reference the client could not read (recorded; load does not use the backup). */
  unreadRestore: number;
  disconnects: number;
  failures: string[];
  samples: string[];
}

const now = () => performance.timeOrigin + performance.now();

/** Sender id and sequence number from UserData [['s', sender], ['q', seq]]; NaN where absent, which the ledger counts as misrouted. */
function readUserEvent(e: Message, naming: DnNaming): { dn: number; sender: number; seq: number } {
  const field = (key: string) => {
    const v = e.UserData?.find(([k]) => k === key)?.[1];
    return typeof v === 'number' ? v : Number.NaN;
  };
  return { dn: dnIndexOf(naming, e.ThisDN), sender: field('s'), seq: field('q') };
}

/**
 * Runs the partition: connect and register everyone, wait for `beforeSend`
 * (the other partitions' clients are then connected too), send, then fence.
 */
export async function runPartition(part: Partition, s: PartitionSettings, counters: PartitionCounters, beforeSend: () => Promise<void> = async () => {}): Promise<PartitionResult> {
  const plan = makePlan(part);
  const failures: string[] = [];
  const samples: string[] = [];
  const note = (line: string) => void (samples.length < 20 && samples.push(line));
  const state = { sendErrors: 0, clientErrors: 0, unreadRestore: 0, disconnects: 0, aborted: false };
  const ledgers = Array.from({ length: part.clients }, (_, c) => new ReceiverLedger(plan, c));
  counters.expectedDeliveries = ledgers.reduce((n, l) => n + l.expected, 0);
  const latencies = new Float64Array(counters.expectedDeliveries);
  let latencyCount = 0;
  const senderStart = new Uint32Array(part.senders + 1);
  for (let i = 0; i < part.senders; i++) senderStart[i + 1] = senderStart[i]! + plan.eventsOf(i);
  const sentAt = new Float64Array(part.events);
  const sent = new Uint32Array(part.senders);

  const receive = (c: number, e: Message) => {
    if (e.Event !== 'EventUserEvent') return;
    counters.delivered++;
    const g = readUserEvent(e, s.naming);
    const [dn, sender] = [g.dn - part.dnBase, g.sender - part.senderBase];
    if (!ledgers[c]!.record(dn, sender, g.seq)) return note(`client ${c}: rejected ${e.ThisDN} sender ${g.sender} seq ${g.seq}`);
    if (latencyCount < latencies.length) latencies[latencyCount++] = performance.now() - sentAt[senderStart[sender]! + g.seq]!;
  };

  const clients: TClient[] = [];
  const times = { connectStart: now(), sendStart: Number.NaN, sendEnd: Number.NaN };
  try {
    await phaseDeadline(s.deadline, 'connect', state, () =>
      inBatches(part.clients, s.connectConcurrency, state, async (c) => {
        const client = new TClient({ primary: s.address, applicationName: `load-${part.senderBase}-${c}`, ...(s.password !== undefined ? { password: s.password } : {}), reconnect: { enabled: false }, onEvent: (e) => receive(c, e) });
        client.on('error', (err) => {
          // Load never uses the backup (no reconnects); a backup reference the client cannot read is recorded, not a delivery failure.
          if (err.code === 'BAD_RESTORE_CONNECTION') state.unreadRestore++;
          else state.clientErrors++;
          note(`client ${c} error: ${err.message}`);
        });
        client.on('disconnected', (info) => (state.disconnects++, note(`client ${c} disconnected: ${info.reason}`)));
        clients[c] = client;
        await client.open();
        for (const dn of plan.dnsOf(c)) await client.registerAddress(dnNameOf(s.naming, part.dnBase + dn));
        counters.connected++;
      }),
    );
    await phaseDeadline(s.deadline, 'connect', state, beforeSend);

    counters.phase = 'send';
    times.sendStart = now();
    const stopAt = s.durationMs > 0 ? times.sendStart + s.durationMs : Number.POSITIVE_INFINITY;
    const sender = (i: number) => ({ client: clients[i]!, local: i, global: part.senderBase + i, base: senderStart[i]!, dnBase: part.dnBase });
    await phaseDeadline(s.deadline, 'send', state, () =>
      Promise.all(Array.from({ length: part.senders }, (_, i) => sendAll(sender(i), plan, s, stopAt, state, counters, sentAt, sent, note))),
    );
    times.sendEnd = now();

    // A server may fan a user event out after it acknowledges it: wait until every receiver has what it is owed (up to the
    // step bound after the last acknowledgement), then an answered request on each receiver fences what came with it.
    counters.phase = 'drain';
    const perDn = plan.perDnOf(sent);
    const wanted = ledgers.map((l) => l.expectedOf(perDn, l.sender < 0 ? 0 : sent[l.sender]!));
    const owed = () => ledgers.every((l, c) => l.good >= wanted[c]!);
    const wait = { over: false };
    await phaseDeadline(Math.min(s.deadline, Date.now() + s.stepMs), 'drain', state, () => until(() => wait.over || owed())).catch(() => undefined);
    // What is still missing now is lost; the fence below still runs (the step bound is not the run's deadline).
    wait.over = true;
    state.aborted = false;
    await phaseDeadline(s.deadline, 'drain', state, () => inBatches(part.clients, s.connectConcurrency, state, (c) => fence(clients[c]!)));
  } catch (e) {
    failures.push((e as Error).message);
  } finally {
    counters.phase = 'close';
    state.aborted = true;
    await Promise.all(clients.map((c) => c?.close()));
  }
  const sentTotal = sent.reduce((a, b) => a + b, 0);
  // What is owed is what was sent: a run stopped early (by --duration, or a refused registration) owes no more.
  const t = totals(ledgers, { perDn: plan.perDnOf(sent), bySender: sent });
  return {
    tally: { ...t, acked: counters.acked, sendErrors: state.sendErrors, sent: sentTotal },
    delivered: counters.delivered,
    latencies: latencies.slice(0, latencyCount),
    times,
    clientErrors: state.clientErrors,
    unreadRestore: state.unreadRestore,
    disconnects: state.disconnects,
    failures,
    samples,
  };
}

interface Sender {
  client: TClient;
  local: number;
  global: number;
  /** Index of its first event in sentAt. */
  base: number;
  /** Global index of the partition's first DN. */
  dnBase: number;
}

/** One sender: `window` workers take the next seq in turn, so requests leave in seq order and at most `window` wait for their ACK. */
async function sendAll(
  me: Sender,
  plan: Plan,
  s: PartitionSettings,
  stopAt: number,
  state: { sendErrors: number; aborted: boolean },
  counters: PartitionCounters,
  sentAt: Float64Array,
  sent: Uint32Array,
  note: (line: string) => void,
): Promise<void> {
  const total = plan.eventsOf(me.local);
  let next = 0;
  const worker = async () => {
    while (next < total && !state.aborted && now() < stopAt) {
      const seq = next++;
      sent[me.local] = next;
      sentAt[me.base + seq] = performance.now();
      try {
        await me.client.sendUserEvent(dnNameOf(s.naming, me.dnBase + plan.targetOf(me.local, seq)), [['s', me.global], ['q', seq]]);
        counters.acked++;
      } catch (e) {
        state.sendErrors++;
        note(`sender ${me.global} seq ${seq}: ${(e as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(s.window, total) }, worker));
}

/** A round trip on the client's connection: any answer, EventError included (a server may refuse TQueryLocation()), fences what came before it. */
function fence(client: TClient): Promise<void> {
  return client.queryLocation().then(
    () => undefined,
    (e: unknown) => {
      if (!isClientError(e, 'REQUEST_FAILED')) throw e;
    },
  );
}

/** Resolves once `done()` holds, looking again after each turn of the event loop's timers. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
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
function phaseDeadline<T>(deadline: number, phase: string, state: { aborted: boolean }, fn: () => Promise<T>): Promise<T> {
  return withDeadline(fn(), Math.max(0, deadline - Date.now()), () => {
    state.aborted = true;
    return new Error(`run timed out in the ${phase} phase`);
  });
}
