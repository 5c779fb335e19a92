/**
 * The control channel (spec/control-channel.md): JSON lines over TCP, one
 * request object per line, one answer line per request, in order. It lets
 * the conformance runner's --control drive this simulator the way it would
 * drive hooks around a real T-Server pair.
 */
import { createServer, type Socket } from 'node:net';
import type { SimControl } from './control.js';
import { SimError } from './errors.js';
import { PairLease, type LeaseTicket } from './pair-lease.js';

/** A longer line is not a control request; the connection is closed. */
const MAX_LINE_BYTES = 64 * 1024;
/**
 * Answers one connection may have unread before the channel stops reading
 * its requests (resumed once the peer reads): a peer that sends and never
 * reads holds this much, not whatever it asked for.
 */
const MAX_UNREAD_ANSWER_BYTES = 256 * 1024;
/** Requests read but not yet answered, per connection, before reading pauses. */
const MAX_WAITING_LINES = 64;

type Answer = { ok: true; state?: unknown; connId?: string } | { ok: false; error: string };

export interface ControlChannel {
  readonly port: number;
  /** Connections whose reading is paused because their peer does not read its answers. */
  paused(): number;
  /** The most answer bytes any connection has had waiting for its peer to read. */
  peakUnreadBytes(): number;
  close(): Promise<void>;
}

export async function listenControl(host: string, port: number, ctl: SimControl, log: (line: string) => void): Promise<ControlChannel> {
  const sockets = new Set<Socket>();
  const stats = { peak: 0 };
  // One lease for every control connection: the shards of a run each hold it through their own.
  const lease = new PairLease();
  const server = createServer((socket) => {
    sockets.add(socket);
    const held = new Set<LeaseTicket>();
    socket.on('close', () => {
      sockets.delete(socket);
      // A run that went away (ended, crashed, killed) gives back what it held or waited for.
      for (const t of held) t.release();
    });
    socket.on('error', () => socket.destroy());
    serveLines(socket, { ctl, lease, held }, log, stats);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    paused: () => [...sockets].filter((s) => s.isPaused()).length,
    peakUnreadBytes: () => stats.peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** What one control connection acts on: the simulator, the pair's lease, and the tickets this connection holds. */
interface Connection {
  ctl: SimControl;
  lease: PairLease;
  held: Set<LeaseTicket>;
}

/**
 * Requests are answered one at a time, in order (an action that waits, a
 * lease, holds the ones after it). Reading stops while more than
 * MAX_WAITING_LINES requests wait or more than MAX_UNREAD_ANSWER_BYTES of
 * answers are unread, and resumes when both are back under: TCP then holds
 * the peer's further requests, and a peer that never reads costs a bounded
 * amount of memory.
 */
function serveLines(socket: Socket, conn: Connection, log: (line: string) => void, stats: { peak: number }): void {
  let buffered = '';
  const waiting: string[] = [];
  let busy = false;
  socket.setEncoding('utf8');
  const full = (): boolean => waiting.length >= MAX_WAITING_LINES || socket.writableLength > MAX_UNREAD_ANSWER_BYTES;
  const resumeIfRoom = (): void => {
    if (!full() && socket.isPaused() && !socket.destroyed) socket.resume();
  };
  const next = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    for (let line = waiting.shift(); line !== undefined; line = waiting.shift()) {
      const answer = await perform(conn.ctl, line, conn);
      if (!answer.ok) log(`control: ${answer.error}`);
      if (socket.destroyed) return;
      socket.write(`${JSON.stringify(answer)}\n`);
      stats.peak = Math.max(stats.peak, socket.writableLength);
      if (socket.writableLength > MAX_UNREAD_ANSWER_BYTES) {
        socket.pause();
        await new Promise<void>((resolve) => {
          socket.once('drain', resolve);
          socket.once('close', resolve);
        });
      }
    }
    busy = false;
    resumeIfRoom();
  };
  socket.on('drain', resumeIfRoom);
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line !== '') waiting.push(line);
    }
    if (buffered.length > MAX_LINE_BYTES) {
      log(`control: line longer than ${MAX_LINE_BYTES} bytes, closing`);
      socket.end(`${JSON.stringify({ ok: false, error: `line longer than ${MAX_LINE_BYTES} bytes` })}\n`);
      buffered = '';
      waiting.length = 0;
      return;
    }
    if (full()) socket.pause();
    void next();
  });
}

async function perform(ctl: SimControl, line: string, conn?: Connection): Promise<Answer> {
  let request: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    request = parsed as Record<string, unknown>;
  } catch {
    return { ok: false, error: 'each line must be one JSON object, e.g. {"action":"switchover"}' };
  }
  try {
    if (request.action === 'lease' || request.action === 'release') return await leaseAction(request, conn);
    return await act(ctl, request);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

async function act(ctl: SimControl, r: Record<string, unknown>): Promise<Answer> {
  switch (r.action) {
    case 'switchover':
      await ctl.switchover();
      return { ok: true };
    case 'setLink':
      ctl.setLink(r.server as 'primary', r.up as boolean);
      return { ok: true };
    case 'switchFault':
      ctl.switchFault(r.kind as 'checksum', location(r));
      return { ok: true };
    case 'backupConnected':
      ctl.backupConnected();
      return { ok: true };
    case 'addCall':
      return { ok: true, connId: ctl.addCall(r as { ThisDN: string; ConnID?: string; CustomerID?: string }) };
    case 'setDefect':
      if (typeof r.name !== 'string' || typeof r.on !== 'boolean') throw new SimError('BAD_OPTION', 'setDefect needs "name" (string) and "on" (boolean)');
      ctl.setDefect(r.name, r.on);
      return { ok: true };
    case 'state':
      return { ok: true, state: ctl.state() };
    default:
      throw new SimError('BAD_OPTION', `unknown action ${JSON.stringify(r.action)}: use switchover, setLink, switchFault, backupConnected, addCall, setDefect, state, lease or release`);
  }
}

/**
 * `lease` answers once the pair's lease is held in the mode asked for; it is
 * held until `release` on the same connection, or until that connection closes.
 */
async function leaseAction(r: Record<string, unknown>, conn: Connection | undefined): Promise<Answer> {
  if (!conn) throw new SimError('BAD_OPTION', 'lease and release need a control connection');
  if (r.action === 'release') {
    for (const t of conn.held) t.release();
    conn.held.clear();
    return { ok: true };
  }
  if (r.mode !== 'shared' && r.mode !== 'exclusive') throw new SimError('BAD_OPTION', 'lease needs "mode": "shared" or "exclusive"');
  if (conn.held.size > 0) throw new SimError('BAD_OPTION', 'this connection holds a lease already: release it, or open another connection');
  const ticket = conn.lease.acquire(r.mode);
  conn.held.add(ticket);
  await ticket.granted;
  return { ok: true };
}

function location(r: Record<string, unknown>): { ThisDN?: string; ConnID?: string } {
  const where: { ThisDN?: string; ConnID?: string } = {};
  for (const key of ['ThisDN', 'ConnID'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new SimError('BAD_OPTION', `${key} must be a string`);
    where[key] = v;
  }
  return where;
}
