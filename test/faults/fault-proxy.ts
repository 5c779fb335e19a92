/**
 * A loopback TCP proxy in front of one simulator server, for faults the
 * simulator cannot produce on its own: the server process dying (kill) and
 * coming back (revive) on the same address, the network silently eating
 * traffic while both sockets stay open (blackhole), every connection reset
 * at once (dropLinks), links cut by a count of frames (cutAfter, cutEachLink):
 * faults come by count, never on a wall-clock interval, so a loaded machine
 * sees the same faults as a quiet one.
 *
 * Server-to-client traffic is decoded frame by frame only to translate the
 * addresses inside EventRestoreConnection (the simulator names its real
 * ports; the client must reach the peer through its proxy, like a NAT that
 * rewrites what it forwards). Every other frame passes byte for byte.
 */
import net from 'node:net';
import { decode, encode, FrameDecoder, type KVList, type Message } from '../../src/index.js';

export interface FaultProxy {
  readonly port: number;
  readonly address: { host: string; port: number };
  /** Real server port -> port a client should use instead (filled once every proxy exists). */
  readonly portMap: Map<number, number>;
  /** Called after each server-to-client frame is forwarded. */
  afterForward: ((message: Message) => void) | undefined;
  /** Called on each client-to-server frame as it arrives, forwarded or not (blackhole). */
  onClientFrame: ((message: Message) => void) | undefined;
  /** Open client connections. */
  readonly links: number;
  /** Stop listening and reset every connection: the server is gone. */
  kill(): Promise<void>;
  /** Listen again on the same port. */
  revive(): Promise<void>;
  /** Forward nothing more in either direction, keeping every socket open. */
  blackhole(on: boolean): void;
  /** Reset every current connection; new ones are still accepted. */
  dropLinks(): void;
  /** Queue server-to-client frames instead of forwarding them (a slow path); off releases them in order. */
  hold(on: boolean): void;
  /**
   * A storm by count: reset every link once `gaps[0]` more server-to-client
   * frames have been forwarded, then once `gaps[1]` more, and so on; replaces
   * any storm still pending.
   */
  cutAfter(gaps: readonly number[]): void;
  /** Cuts of `cutAfter` not yet made. */
  readonly pendingCuts: number;
  /** While on, reset each link right after it forwards its first server-to-client frame: the server answers, then the link is gone. */
  cutEachLink(on: boolean): void;
  /** Links reset by dropLinks, cutAfter and cutEachLink so far. */
  readonly cuts: number;
}

interface Link {
  client: net.Socket;
  server: net.Socket;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  const links = new Set<Link>();
  const portMap = new Map<number, number>();
  let holes = false;
  let holding = false;
  let cutEach = false;
  let gaps: number[] = [];
  let forwardedSinceCut = 0;
  let cuts = 0;
  const held: Array<() => void> = [];
  let listener: net.Server | undefined;
  let port = 0;

  const onConnection = (client: net.Socket) => {
    const server = net.connect({ host: target.host, port: target.port });
    const link: Link = { client, server };
    links.add(link);
    const drop = () => {
      links.delete(link);
      client.destroy();
      server.destroy();
    };
    client.on('error', drop).on('close', drop);
    server.on('error', drop).on('close', drop);
    const requests = new FrameDecoder();
    client.on('data', (chunk: Buffer) => {
      if (!holes) server.write(chunk);
      if (proxy.onClientFrame) for (const frame of requests.push(chunk)) proxy.onClientFrame?.(decode(frame));
    });
    const frames = new FrameDecoder();
    let forwardedHere = 0;
    server.on('data', (chunk: Buffer) => {
      if (holes) return;
      for (const frame of frames.push(chunk)) {
        const message = decode(frame);
        const bytes = message.Event === 'EventRestoreConnection' ? encode(translate(message, portMap)) : Uint8Array.from(frame);
        const forward = () => {
          if (!links.has(link)) return;
          client.write(bytes);
          proxy.afterForward?.(message);
          forwardedHere++;
          if (gaps.length > 0 && ++forwardedSinceCut >= gaps[0]!) {
            gaps.shift();
            forwardedSinceCut = 0;
            dropLinks();
          } else if (cutEach && forwardedHere === 1) {
            reset(link);
          }
        };
        if (holding) held.push(forward);
        else forward();
      }
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      listener = net.createServer(onConnection);
      listener.once('error', reject);
      listener.listen(port, '127.0.0.1', () => {
        const a = listener!.address();
        if (typeof a === 'object' && a) port = a.port;
        resolve();
      });
    });

  const reset = (l: Link) => {
    links.delete(l);
    cuts++;
    l.client.resetAndDestroy();
    l.server.destroy();
  };
  const dropLinks = () => {
    for (const l of [...links]) reset(l);
  };

  const proxy: FaultProxy = {
    get port() {
      return port;
    },
    get address() {
      return { host: '127.0.0.1', port };
    },
    portMap,
    afterForward: undefined,
    onClientFrame: undefined,
    get links() {
      return links.size;
    },
    kill: () =>
      new Promise<void>((resolve) => {
        const l = listener;
        listener = undefined;
        dropLinks();
        if (l) l.close(() => resolve());
        else resolve();
      }),
    revive: () => (listener ? Promise.resolve() : listen()),
    blackhole: (on) => {
      holes = on;
    },
    dropLinks,
    hold: (on) => {
      holding = on;
      if (!on) for (const forward of held.splice(0)) forward();
    },
    cutAfter: (next) => {
      gaps = [...next];
      forwardedSinceCut = 0;
    },
    get pendingCuts() {
      return gaps.length;
    },
    cutEachLink: (on) => {
      cutEach = on;
    },
    get cuts() {
      return cuts;
    },
  };
  await listen();
  return proxy;
}

function translate(message: Message, portMap: ReadonlyMap<number, number>): Message {
  const UserData: KVList | undefined = message.UserData?.map(([k, v]) =>
    (k === 'backup_port' || k === 'primary_port') && typeof v === 'number' ? [k, portMap.get(v) ?? v] : [k, v],
  );
  return { ...message, UserData };
}
