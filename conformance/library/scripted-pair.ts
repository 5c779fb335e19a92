/**
 * The hot-standby pair a library is certified against: the kit's simulator
 * (tlib-kit/sim) behind two scripted fronts, A and B. The library connects
 * to the fronts only. Each front forwards frames both ways and records them
 * (what "the kit's servers saw on the wire"), writes EventRestoreConnection's
 * backup reference in the scenario's UserData form with the fronts'
 * addresses, and can hold back a server's frames from a chosen one on, so a
 * script decides in which order a library reads two servers' streams.
 * Script steps advance on observed messages, never on sleeps.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { decode } from '../../src/codec/decode.js';
import { encode } from '../../src/codec/encode.js';
import { SERVER_ROLE } from '../../src/registry.js';
import type { Message } from '../../src/codec/types.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import type { Exchange } from '../message-path/exchange.js';
import { framing } from '../message-path/framing.js';
import { USER_DATA_FORMS, type HostPort, type UserDataForm } from './forms.js';
import { WatchLog } from './watch-log.js';

export type ServerName = 'A' | 'B';

/** One observation of the kit's servers. */
export type WireEntry =
  | { kind: 'open'; server: ServerName; conn: number }
  | { kind: 'close'; server: ServerName; conn: number }
  /** dir 'in': library to server; 'out': server to library (as released to it). */
  | { kind: 'frame'; server: ServerName; conn: number; dir: 'in' | 'out'; message: Message };

export interface PairOptions {
  form: UserDataForm;
  password?: string;
  exchange: Exchange;
  /** Pass the simulator's EventRestoreConnection ServerRole 0 at registration (default); false: only when the script sends it. */
  restoreAtRegistration?: boolean;
}

const NAMES: Record<ServerName, string> = { A: 'tlib-kit-sim-a', B: 'tlib-kit-sim-b' };

interface Hold {
  server: ServerName;
  /** The first frame matching this, and every later frame of that connection, wait for release(). */
  from: (m: Message) => boolean;
}

class Link {
  readonly queue: Uint8Array[] = [];
  held = false;
  constructor(
    readonly server: ServerName,
    readonly conn: number,
    readonly library: Socket,
    readonly upstream: Socket,
  ) {}
}

export class ScriptedPair {
  readonly wire = new WatchLog<WireEntry>('servers');
  private readonly fronts = new Map<ServerName, { server: Server; address: HostPort }>();
  private readonly links = new Set<Link>();
  private holds: Hold[] = [];
  private restorePasses: boolean;
  private nextConn = 1;

  private constructor(
    private readonly sim: SimHandle,
    private readonly o: PairOptions,
  ) {
    this.restorePasses = o.restoreAtRegistration ?? true;
  }

  static async start(o: PairOptions): Promise<ScriptedPair> {
    const sim = await startSimulator({ pair: true, ...(o.password !== undefined ? { password: o.password } : {}) });
    const pair = new ScriptedPair(sim, o);
    try {
      await pair.listen('A', sim.primary);
      await pair.listen('B', sim.backup!);
    } catch (e) {
      await pair.close();
      throw e;
    }
    return pair;
  }

  address(s: ServerName): HostPort {
    return this.fronts.get(s)!.address;
  }

  /** Where the simulator behind a front listens: the kit's own traffic goes there, not through the front. */
  simAddress(s: ServerName): HostPort {
    return s === 'A' ? this.sim.primary : this.sim.backup!;
  }

  /** "host:port" of a front: what a library's `server` must say. */
  name(s: ServerName): string {
    const a = this.address(s);
    return `${a.host}:${a.port}`;
  }

  serverAt(name: string): ServerName | undefined {
    return name === this.name('A') ? 'A' : name === this.name('B') ? 'B' : undefined;
  }

  /** Which server is primary now. */
  get primary(): ServerName {
    return this.sim.ctl.state().primary === 'a' ? 'A' : 'B';
  }

  /** Library connections open on a server now. */
  openConnections(s?: ServerName): number {
    return [...this.links].filter((l) => s === undefined || l.server === s).length;
  }

  /** Holds `server`'s frames to the library from the first one matching `from` on each connection. */
  hold(server: ServerName, from: (m: Message) => boolean = () => true): void {
    this.o.exchange.note('kit', server, `script: hold ${server}'s frames to the library`);
    this.holds.push({ server, from });
  }

  /** Releases what a hold kept back, in order, and passes later frames. */
  release(server: ServerName): void {
    this.o.exchange.note('kit', server, `script: release ${server}'s held frames`);
    this.holds = this.holds.filter((h) => h.server !== server);
    for (const link of this.links) {
      if (link.server !== server || !link.held) continue;
      link.held = false;
      // One write: what the server wrote together reaches the library together.
      const frames = link.queue.splice(0);
      for (const frame of frames) this.record(link, frame);
      link.library.write(Buffer.concat(frames));
    }
  }

  /** The primary's EventRestoreConnection ServerRole 0 to its clients now ("when the connection to the backup T-Server has been established"). */
  sendRestoreConnection(): void {
    this.o.exchange.note('kit', this.primary, 'script: the primary sends EventRestoreConnection ServerRole 0');
    this.restorePasses = true;
    this.sim.ctl.backupConnected();
  }

  async switchover(): Promise<void> {
    const from = this.primary;
    this.o.exchange.note('kit', from, `script: switchover, ${from} becomes backup`);
    await this.sim.ctl.switchover();
  }

  setLink(s: ServerName, up: boolean): void {
    this.o.exchange.note('kit', s, `script: ${s}'s link ${up ? 'up' : 'down'}`);
    this.sim.ctl.setLink(s === this.primary ? 'primary' : 'backup', up);
  }

  async close(): Promise<void> {
    for (const link of this.links) {
      link.library.destroy();
      link.upstream.destroy();
    }
    await Promise.all([...this.fronts.values()].map(({ server }) => new Promise<void>((r) => server.close(() => r()))));
    await this.sim.close();
  }

  // ---- the fronts ----------------------------------------------------------

  private listen(name: ServerName, sim: HostPort): Promise<void> {
    const server = createServer((library) => this.accept(name, sim, library));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const port = (server.address() as { port: number }).port;
        this.fronts.set(name, { server, address: { host: '127.0.0.1', port } });
        resolve();
      });
    });
  }

  private accept(name: ServerName, sim: HostPort, library: Socket): void {
    const upstream = connect(sim.port, sim.host);
    // A front forwards at once: no Nagle delay on either side.
    upstream.setNoDelay(true);
    library.setNoDelay(true);
    const link = new Link(name, this.nextConn++, library, upstream);
    this.links.add(link);
    this.wire.push({ kind: 'open', server: name, conn: link.conn });
    this.o.exchange.note('library', name, `library opens connection #${link.conn} to ${name}`);
    const fromLibrary = this.frames(link, (frame, m) => {
      this.o.exchange.frame('send', 'library', name, frame, m);
      this.wire.push({ kind: 'frame', server: name, conn: link.conn, dir: 'in', message: m });
    });
    const fromServer = this.frames(link, (frame, m) => this.fromServer(link, frame, m));
    library.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      fromLibrary(chunk);
    });
    upstream.on('data', (chunk: Buffer) => fromServer(chunk));
    const end = (): void => {
      if (!this.links.delete(link)) return;
      library.destroy();
      upstream.destroy();
      this.wire.push({ kind: 'close', server: name, conn: link.conn });
      this.o.exchange.note('library', name, `connection #${link.conn} to ${name} closed`);
    };
    for (const s of [library, upstream]) {
      s.on('close', end);
      s.on('error', end);
    }
  }

  /** Frames of one direction of a link, each with its message; a stream that cannot be framed closes the link. */
  private frames(link: Link, each: (frame: Uint8Array, m: Message) => void): (chunk: Uint8Array) => void {
    const note = (what: string): void => {
      this.o.exchange.note('library', link.server, `connection #${link.conn}: ${what}`);
    };
    return framing({
      reading: () => !link.library.destroyed,
      message: each,
      undecodable: (_frame, why) => note(`undecodable frame: ${why}`),
      unreadable: (why) => {
        note(`${why}; closed`);
        link.library.destroy();
      },
    });
  }

  private fromServer(link: Link, frame: Uint8Array, m: Message): void {
    let out = frame;
    if (m.Event === 'EventRestoreConnection') {
      if (m.ServerRole === SERVER_ROLE.Primary && !this.restorePasses) return;
      m = this.rewriteRestore(link.server, m);
      out = encode(m);
    }
    if (!link.held && this.holds.some((h) => h.server === link.server && h.from(m))) link.held = true;
    if (link.held) {
      link.queue.push(out);
      return;
    }
    this.toLibrary(link, out);
  }

  private toLibrary(link: Link, frame: Uint8Array): void {
    this.record(link, frame);
    link.library.write(frame);
  }

  private record(link: Link, frame: Uint8Array): void {
    const m = decode(frame);
    this.o.exchange.frame('recv', 'library', link.server, frame, m);
    this.wire.push({ kind: 'frame', server: link.server, conn: link.conn, dir: 'out', message: m });
  }

  /** ServerRole 0 names the other server (the backup); ServerRole 1 names the sender, the backup now. */
  private rewriteRestore(sender: ServerName, m: Message): Message {
    const named: ServerName = m.ServerRole === SERVER_ROLE.Primary ? (sender === 'A' ? 'B' : 'A') : sender;
    return { Event: 'EventRestoreConnection', ServerRole: m.ServerRole, UserData: USER_DATA_FORMS[this.o.form].build(this.address(named), NAMES[named]) } as Message;
  }
}
