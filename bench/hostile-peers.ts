/**
 * Measures what cheap attacks cost the simulator,
 * against `tlib-kit sim` in its own process (dist/ must be built), so its
 * RSS is the simulator's alone:
 *
 *   npx tsx bench/hostile-peers.ts cost      4 unregistered peers send 1.7 MB/s of
 *                                            65,536-empty-binary frames; a registered
 *                                            client's round trip before and during
 *   npx tsx bench/hostile-peers.ts partial   300 registered peers each send all but the
 *                                            last byte of a 1 MiB frame; simulator RSS
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { decode, encode, FrameDecoder, type Message } from '../src/index.js';

const PORT = 17_400 + Math.floor(Math.random() * 500);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMiB(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: Math.round(kb('VmRSS')), hwm: Math.round(kb('VmHWM')) };
}

async function startSim(): Promise<{ child: ChildProcess; logBytes: () => number; logLines: () => string[] }> {
  const child = spawn(process.execPath, ['dist/cli/main.js', 'sim', '--no-pair', '--port', String(PORT)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let bytes = 0;
  const lines: string[] = [];
  child.stderr!.on('data', (c: Buffer) => {
    bytes += c.length;
    if (lines.length < 2000) lines.push(...c.toString().split('\n').filter(Boolean));
  });
  for (let i = 0; i < 100; i++) {
    await sleep(100);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(PORT, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (ok) return { child, logBytes: () => bytes, logLines: () => lines };
  }
  throw new Error('simulator did not start');
}

interface Peer {
  socket: net.Socket;
  request(m: Message): Promise<Message>;
}

let ref = 1;
async function registered(name: string): Promise<Peer> {
  const socket = net.connect(PORT, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.setNoDelay(true);
  socket.on('error', () => {});
  const frames = new FrameDecoder();
  const waiting = new Map<number, (m: Message) => void>();
  socket.on('data', (chunk: Buffer) => {
    for (const f of frames.push(chunk)) {
      const m = decode(f);
      if (m.ReferenceID !== undefined) waiting.get(m.ReferenceID)?.(m);
    }
  });
  const request = (m: Message): Promise<Message> =>
    new Promise((resolve) => {
      const ReferenceID = ref++;
      waiting.set(ReferenceID, resolve);
      socket.write(encode({ ...m, ReferenceID } as Message));
    });
  await request({ Event: 'RequestRegisterClient', ApplicationName: name });
  return { socket, request };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function rtts(peer: Peer, ms: number): Promise<number[]> {
  const out: number[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const t = performance.now();
    await peer.request({ Event: 'RequestQueryLocation' } as Message);
    out.push(performance.now() - t);
    await sleep(10);
  }
  return out;
}

/** 65,536 empty binaries in UserData: 196,617 bytes. */
function costlyFrame(): Uint8Array {
  const count = 65_536;
  const head = [96, 51, 5, 0x80, 0x80, 0x04];
  const f = new Uint8Array(4 + head.length + 3 * count);
  new DataView(f.buffer).setUint32(0, head.length + 3 * count);
  f.set(head, 4);
  for (let i = 0; i < count; i++) f.set([0, 4, 0], 4 + head.length + 3 * i);
  return f;
}

async function cost(): Promise<void> {
  const sim = await startSim();
  const healthy = await registered('healthy');
  const base = await rtts(healthy, 5000);
  const frame = costlyFrame();
  const bytesPerSecond = 1.7e6;
  const intervalMs = (4 * frame.length * 1000) / bytesPerSecond;
  let sent = 0;
  let closed = 0;
  let stop = false;
  const attacker = async (): Promise<void> => {
    while (!stop) {
      const s = net.connect(PORT, '127.0.0.1');
      s.on('error', () => {});
      const done = new Promise<void>((r) => s.once('close', () => r()));
      await new Promise<void>((r) => s.once('connect', () => r()).once('error', () => r()));
      while (!stop && !s.destroyed && s.writable) {
        s.write(frame);
        sent++;
        await Promise.race([sleep(intervalMs), done]);
      }
      s.destroy();
      await done;
      closed++;
    }
  };
  const attackers = Array.from({ length: 4 }, attacker);
  const logBefore = sim.logBytes();
  const during = await rtts(healthy, 10_000);
  stop = true;
  await Promise.all(attackers);
  const mem = rssMiB(sim.child.pid!);
  const report = {
    frameBytes: frame.length,
    attackMBps: bytesPerSecond / 1e6,
    baseline: { n: base.length, p50: percentile(base, 50), p99: percentile(base, 99) },
    underAttack: { n: during.length, p50: percentile(during, 50), p99: percentile(during, 99), max: Math.max(...during) },
    framesSent: sent,
    attackerConnectionsClosed: closed,
    logBytesDuringAttack: sim.logBytes() - logBefore,
    simRssMiB: mem,
    log: sim.logLines().map((l) => l.slice(25, 160)),
  };
  process.stdout.write(`${JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v), 2)}\n`);
  healthy.socket.destroy();
  sim.child.kill('SIGTERM');
}

async function partial(): Promise<void> {
  const sim = await startSim();
  await sleep(500);
  const idle = rssMiB(sim.child.pid!);
  const peers = await Promise.all(Array.from({ length: 300 }, (_, i) => registered(`p${i}`)));
  let closed = 0;
  for (const p of peers) p.socket.once('close', () => closed++);
  const body = 1 << 20;
  const frame = new Uint8Array(4 + body);
  new DataView(frame.buffer).setUint32(0, body);
  frame.fill(0x61, 4);
  const held = frame.subarray(0, frame.length - 1); // 1 MiB + 3: all but the last byte
  for (const p of peers) p.socket.write(held);
  let peak = idle;
  const sample = async (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      peak = rssMiB(sim.child.pid!);
      await sleep(200);
    }
  };
  await sample(3000);
  const afterSend = { ...peak, closedPeers: closed };
  await sample(10_000); // frameTimeoutMs (10 s) passes
  const afterDeadline = { ...rssMiB(sim.child.pid!), closedPeers: closed };
  const reasons = new Map<string, number>();
  for (const l of sim.logLines()) {
    const why = /closed: (.*?)(?:;|\(|$)/.exec(l)?.[1]?.trim() ?? l;
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  process.stdout.write(`${JSON.stringify({ peers: 300, heldBytesEach: held.length, simIdleMiB: idle, afterSend, afterDeadline, closeReasons: Object.fromEntries(reasons) }, null, 2)}\n`);
  for (const p of peers) p.socket.destroy();
  sim.child.kill('SIGTERM');
}

const mode = process.argv[2];
if (mode === 'cost') await cost();
else if (mode === 'partial') await partial();
else {
  process.stderr.write('usage: npx tsx bench/hostile-peers.ts cost|partial\n');
  process.exit(2);
}
