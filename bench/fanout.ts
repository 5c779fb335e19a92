/**
 * Fan-out: EventUserEvent from the simulator to 1,000 registered clients on
 * loopback. The clients are raw sockets with a FrameDecoder and decode()
 * each (this process); the simulator runs in a child process. One more
 * client sends RequestDistributeUserEvent with a sequence number in its
 * UserData, keeping a window of events in flight; every delivery's latency
 * is its arrival time minus the send time of its request.
 */
import { fork } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { decode, encode, FrameDecoder, type Message } from '../src/index.js';

const CLIENTS = 1000;
const DN = '7001';

export interface FanoutResult {
  available: boolean;
  window?: number;
  clients?: number;
  events?: number;
  delivered?: number;
  seconds?: number;
  eventsPerSec?: number;
  p50Ms?: number;
  p99Ms?: number;
  maxMs?: number;
  error?: string;
}

type OnMessage = (m: Message) => void;

function open(host: string, port: number, onMessage: OnMessage): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host, port, noDelay: true }, () => resolve(sock));
    const frames = new FrameDecoder();
    sock.on('data', (chunk: Buffer) => {
      for (const f of frames.push(chunk)) onMessage(decode(f));
    });
    sock.once('error', reject);
  });
}

/** Sends a request and resolves on the first message the predicate accepts. */
function waitFor(pending: Map<Socket, (m: Message) => boolean>, sock: Socket, request: Message, ok: (m: Message) => boolean): Promise<void> {
  return new Promise((resolve) => {
    pending.set(sock, (m) => {
      if (!ok(m)) return false;
      pending.delete(sock);
      resolve();
      return true;
    });
    sock.write(encode(request));
  });
}

/** Events in flight: a small window shows latency, a larger one lets the server batch writes per socket. */
const WINDOWS = [8, 32];

export async function runFanout(quick: boolean): Promise<FanoutResult[]> {
  const child = fork(new URL('./fanout-server.ts', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const sockets: Socket[] = [];
  try {
    const addr = await new Promise<{ host: string; port: number }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { host: string; port: number }));
      child.once('exit', (code) => reject(new Error(`simulator process exited (${code})`)));
    });
    const pending = new Map<Socket, (m: Message) => boolean>();
    let measuring = false;
    let delivered = 0;
    const latencies: number[] = [];
    const sentAt: number[] = [];
    const remaining: number[] = [];
    let onComplete: (() => void) | undefined;
    const onEvent = (sock: Socket) => (m: Message) => {
      if (m.Event === 'EventUserEvent') {
        const seq = m.UserData?.[0]?.[1] as number;
        if (measuring) {
          latencies.push(performance.now() - sentAt[seq]!);
          delivered++;
        }
        if (--remaining[seq]! === 0) onComplete?.();
        return;
      }
      pending.get(sock)?.(m);
    };
    // Connect and register in batches of 100 (the server's accept backlog is finite).
    for (let i = 0; i < CLIENTS; i += 100) {
      const batch = await Promise.all(Array.from({ length: Math.min(100, CLIENTS - i) }, () => {
        let sock: Socket;
        return open(addr.host, addr.port, (m) => onEvent(sock)(m)).then((s) => (sock = s));
      }));
      await Promise.all(batch.map(async (s, j) => {
        await waitFor(pending, s, { Event: 'RequestRegisterClient', ReferenceID: 1, ApplicationName: `fan-${i + j}` }, (m) => m.Event === 'EventServerConnected');
        await waitFor(pending, s, { Event: 'RequestRegisterAddress', ReferenceID: 2, ThisDN: DN }, (m) => m.Event === 'EventRegistered');
      }));
      sockets.push(...batch);
    }
    let sender!: Socket;
    sender = await open(addr.host, addr.port, (m) => pending.get(sender)?.(m));
    sockets.push(sender);
    await waitFor(pending, sender, { Event: 'RequestRegisterClient', ReferenceID: 1, ApplicationName: 'fan-sender' }, (m) => m.Event === 'EventServerConnected');

    // A window of events in flight: the next request goes out when an event has reached all clients.
    const run = (count: number, WINDOW: number) =>
      new Promise<number>((resolve) => {
        let sent = 0;
        let done = 0;
        const t0 = performance.now();
        const sendOne = () => {
          const seq = sentAt.length;
          sentAt.push(performance.now());
          remaining.push(CLIENTS);
          sent++;
          sender.write(encode({ Event: 'RequestDistributeUserEvent', ReferenceID: seq + 10, ThisDN: DN, UserData: [['seq', seq], ['Segment', 'Gold'], ['Queue', 'Sales_VQ']] }));
        };
        onComplete = () => {
          done++;
          if (done === count) resolve(performance.now() - t0);
          else if (sent < count) sendOne();
        };
        for (let i = 0; i < WINDOW && i < count; i++) sendOne();
      });
    const measure = async (WINDOW: number): Promise<FanoutResult> => {
      latencies.length = 0;
      delivered = 0;
      measuring = true;
      const events = quick ? 300 : 2000;
      const ms = await run(events, WINDOW);
      measuring = false;
      latencies.sort((a, b) => a - b);
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
      const result: FanoutResult = {
        available: true,
        window: WINDOW,
        clients: CLIENTS,
        events,
        delivered,
        seconds: ms / 1000,
        eventsPerSec: (delivered * 1000) / ms,
        p50Ms: pct(50),
        p99Ms: pct(99),
        maxMs: latencies[latencies.length - 1]!,
      };
      console.log(`  window ${String(WINDOW).padStart(2)}: ${events} events, ${delivered.toLocaleString('en-US')} deliveries in ${(ms / 1000).toFixed(2)} s wall: ${Math.round(result.eventsPerSec!).toLocaleString('en-US')} events/s delivered  target >= 200,000 ${result.eventsPerSec! >= 200_000 ? 'ok' : 'MISS'}`);
      console.log(`             latency request -> delivery: p50 ${result.p50Ms!.toFixed(2)} ms, p99 ${result.p99Ms!.toFixed(2)} ms, max ${result.maxMs!.toFixed(2)} ms`);
      return result;
    };
    console.log(`\nfan-out: EventUserEvent to ${CLIENTS} registered clients on loopback (simulator in a child process, clients = raw sockets + FrameDecoder + decode)`);
    await run(quick ? 50 : 200, 8); // warm-up
    const results: FanoutResult[] = [];
    for (const window of WINDOWS) {
      results.push(await measure(window));
    }
    return results;
  } catch (e) {
    console.log(`\nfan-out: failed: ${(e as Error).message}`);
    return [{ available: false, error: (e as Error).message }];
  } finally {
    for (const s of sockets) s.destroy();
    child.disconnect();
  }
}
