/**
 * The JSON-lines control channel (the protocol spec/bridge-contract.md gives
 * for `--control tcp://host:port`): one object per line, one answer line,
 * {"ok":true} or {"ok":false,"error":"why"}. Every connection meets the
 * others in one pair lease (lease.ts): the shards of a run see each other's.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { VendorPair } from './pair.js';
import { addCall, backupConnected, setLink, state, switchFault, switchover } from './control.js';
import { isFaultKind } from './errors.js';
import { PairLease, isLeaseMode } from './lease.js';

const MAX_LINE = 65_536;

type Answer = { ok: true; [k: string]: unknown } | { ok: false; error: string };

/** One control connection: the holder of at most one lease. */
interface Session {
  closed: boolean;
}

/** What every connection of one channel shares. */
interface Channel {
  pair: VendorPair;
  lease: PairLease<Session>;
}

export async function startControlChannel(pair: VendorPair, host: string, port: number): Promise<{ server: Server; port: number }> {
  const sockets = new Set<Socket>();
  const channel: Channel = { pair, lease: new PairLease<Session>() };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(channel, socket);
  });
  // close() must not wait for a runner that keeps its control connection open.
  const close = server.close.bind(server);
  server.close = (callback) => {
    for (const socket of sockets) socket.destroy();
    return close(callback);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

function serve(channel: Channel, socket: Socket): void {
  let buffered = '';
  let chain = Promise.resolve();
  const session: Session = { closed: false };
  socket.setEncoding('utf8');
  socket.on('error', () => socket.destroy());
  // A run that crashes gives its lease back by going away.
  socket.on('close', () => {
    session.closed = true;
    channel.lease.drop(session);
    channel.pair.options.log?.(`control: connection closed, lease now ${JSON.stringify(channel.lease.snapshot())}`);
  });
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    if (buffered.length > MAX_LINE && !buffered.includes('\n')) {
      socket.end(`${JSON.stringify({ ok: false, error: `control line longer than ${MAX_LINE} bytes` })}\n`);
      buffered = '';
      return;
    }
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).replace(/\r$/, '');
      buffered = buffered.slice(newline + 1);
      if (line.trim() === '') continue;
      // Answers go out in the order the requests came: a request behind a
      // waiting lease waits with it (CHOICES.md #37).
      chain = chain.then(async () => {
        const reply = await perform(channel, session, line);
        if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
      });
    }
  });
}

async function perform({ pair, lease }: Channel, session: Session, line: string): Promise<Answer> {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return { ok: false, error: 'each line must be one JSON object, e.g. {"action":"switchover"}' };
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { ok: false, error: 'each line must be one JSON object, e.g. {"action":"switchover"}' };
  }
  const r = request as Record<string, unknown>;
  try {
    switch (r.action) {
      case 'switchover':
        logPairChange(pair, lease, 'switchover');
        await switchover(pair);
        return { ok: true };
      case 'setLink':
        if ((r.server !== 'primary' && r.server !== 'backup') || typeof r.up !== 'boolean') {
          return { ok: false, error: 'setLink needs "server": "primary" or "backup" and "up": true or false' };
        }
        if (pair.links[pair.sideWithRole(r.server).name] !== r.up) logPairChange(pair, lease, `setLink ${r.server} ${r.up ? 'up' : 'down'}`);
        await setLink(pair, r.server, r.up);
        return { ok: true };
      case 'switchFault':
        if (!isFaultKind(r.kind)) return { ok: false, error: 'switchFault needs "kind": "checksum", "missing-attributes" or "incomplete-flow"' };
        logPairChange(pair, lease, `switchFault ${r.kind}`);
        await switchFault(pair, r.kind, {
          ...(typeof r.ThisDN === 'string' ? { ThisDN: r.ThisDN } : {}),
          ...(typeof r.ConnID === 'string' ? { ConnID: r.ConnID } : {}),
        });
        return { ok: true };
      case 'backupConnected':
        logPairChange(pair, lease, 'backupConnected');
        await backupConnected(pair);
        return { ok: true };
      case 'addCall': {
        const call = addCall(pair, {
          ...(typeof r.ConnID === 'string' ? { ConnID: r.ConnID } : {}),
          ...(typeof r.ThisDN === 'string' ? { ThisDN: r.ThisDN } : {}),
          ...(typeof r.CustomerID === 'string' ? { CustomerID: r.CustomerID } : {}),
        });
        return { ok: true, connId: call.ConnID };
      }
      case 'lease': {
        if (!isLeaseMode(r.mode)) return { ok: false, error: 'lease needs "mode": "shared" or "exclusive"' };
        // A request queued behind others on a connection that has since closed must not take a lease nobody can give back.
        if (session.closed) return { ok: false, error: 'the control connection closed before the lease was requested' };
        const granted = await lease.acquire(session, r.mode);
        if (granted) pair.options.log?.(`control: ${r.mode} lease granted, lease now ${JSON.stringify(lease.snapshot())}`);
        return granted ? { ok: true } : { ok: false, error: 'the control connection closed before the lease was granted' };
      }
      case 'release':
        lease.release(session);
        return { ok: true };
      case 'state':
        return { ok: true, state: { ...state(pair), lease: lease.snapshot() } };
      default:
        return { ok: false, error: `unknown action ${JSON.stringify(r.action)}: switchover, setLink, switchFault, backupConnected, addCall, lease, release, state` };
    }
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/**
 * One log line per change every client of the pair sees, with the lease
 * held at that moment: whoever reads the log can tell whether a run changed
 * the pair under another run's feet (PAIR_CHANGE parses it).
 */
function logPairChange(pair: VendorPair, lease: PairLease<Session>, action: string): void {
  pair.options.log?.(`control: pair change ${action} under lease ${JSON.stringify(lease.snapshot())}`);
}

export const PAIR_CHANGE = /^control: pair change (.+) under lease (\{.*\})$/;
