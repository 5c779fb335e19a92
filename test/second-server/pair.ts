/**
 * The hot-standby pair: two listeners ("one", initially primary, and "two",
 * initially backup) sharing one switch state (calls, subscriptions, links,
 * which server is primary). DN registrations belong to each connection.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { KVList, Message } from '../../src/index.js';
import { Connection, type Role } from './connection.js';
import { resolveOptions, type ServerOptions, type CallSpec } from './options.js';
import { mutantById } from './mutants.js';
import { ERROR } from './errors.js';
import { handleRequest } from './requests.js';
import { now } from './clock.js';
import { rng } from '../independent/prng.js';

export type ServerName = 'one' | 'two';

export interface Endpoint {
  host: string;
  port: number;
}

export interface Side {
  readonly name: ServerName;
  readonly applicationName: string;
  readonly conns: Set<Connection>;
  listener: Server;
  endpoint: Endpoint;
  /** True once this server became primary by a switchover (not at start). */
  promoted: boolean;
}

export interface Call {
  ConnID: string;
  ThisDN?: string;
  CustomerID?: string;
}

export class VendorPair {
  readonly options: ServerOptions;
  readonly sides: Record<ServerName, Side>;
  primary: ServerName = 'one';
  readonly links: Record<ServerName, boolean> = { one: true, two: true };
  readonly calls = new Map<string, Call>();
  readonly subscriptions = new Set<string>();
  switchovers = 0;
  /** ServerStartTime: seconds since the epoch when the pair started. */
  readonly startTime = Math.floor(Date.now() / 1000);
  private readonly sequence: Record<ServerName, bigint> = { one: 4_899_000n, two: 7_310_000n };
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly random: () => number;
  private nextConnId = 1;
  private nextCallNumber = 1;
  private nextSubscription = 1;

  constructor(partial: Partial<ServerOptions> = {}) {
    this.options = resolveOptions(partial);
    if (this.options.mutant !== undefined && !mutantById(this.options.mutant)) {
      throw new Error(`unknown mutant "${this.options.mutant}": see test/second-server/mutants.json`);
    }
    const side = (name: ServerName): Side => ({
      name,
      applicationName: `vendor-tserver-${name}`,
      conns: new Set(),
      listener: createServer((socket) => this.accept(name, socket)),
      endpoint: { host: this.options.host, port: 0 },
      promoted: false,
    });
    this.sides = { one: side('one'), two: side('two') };
    this.random = rng(this.options.seed);
    for (const call of this.options.resources?.calls ?? []) this.addCall(call);
  }

  /** True when the mutant with this id is on: the one sentence it breaks. */
  m(id: string): boolean {
    return this.options.mutant === id;
  }

  log(line: string): void {
    this.options.log?.(line);
  }

  async listen(): Promise<void> {
    await listenOn(this.sides.one, this.options.host, this.options.primaryPort);
    await listenOn(this.sides.two, this.options.host, this.options.backupPort);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const side of Object.values(this.sides)) {
      for (const conn of [...side.conns]) conn.close('server shutting down');
      await new Promise<void>((resolve) => side.listener.close(() => resolve()));
    }
  }

  roleOf(name: ServerName): Role {
    return name === this.primary ? 'primary' : 'backup';
  }

  other(name: ServerName): ServerName {
    return name === 'one' ? 'two' : 'one';
  }

  sideWithRole(role: Role): Side {
    return role === 'primary' ? this.sides[this.primary] : this.sides[this.other(this.primary)];
  }

  /**
   * Clients registered on a DN, on both servers: the backup mirrors the
   * primary's events to its own clients (hot standby keeps both informed).
   */
  registeredOn(dn: string): Connection[] {
    const out: Connection[] = [];
    for (const side of Object.values(this.sides)) {
      for (const conn of side.conns) if (conn.registered && conn.dns.has(dn)) out.push(conn);
    }
    return out;
  }

  allRegistered(): Connection[] {
    return Object.values(this.sides).flatMap((side) => [...side.conns].filter((c) => c.registered));
  }

  addCall(spec: Partial<CallSpec>): Call {
    const ConnID = (spec.ConnID ?? this.makeConnId()).toLowerCase();
    if (!/^[0-9a-f]{16}$/.test(ConnID)) throw new Error(`ConnID "${spec.ConnID}" must be 16 hex digits`);
    const call: Call = { ConnID };
    if (spec.ThisDN !== undefined) call.ThisDN = spec.ThisDN;
    if (spec.CustomerID !== undefined) call.CustomerID = spec.CustomerID;
    this.calls.set(ConnID, call);
    return call;
  }

  newSubscriptionId(side: ServerName): string {
    const id = `TM:${side}:${(this.nextSubscription++).toString(36).padStart(4, '0')}`;
    this.subscriptions.add(id);
    return id;
  }

  /**
   * The reference to the backup T-Server, as this vendor writes it in
   * UserData: flat (`BackupServer` "host:port", `BackupApplication`) or
   * nested (`BackupServer` holding a list with a `uri`).
   */
  backupReference(backup: ServerName): KVList {
    const side = this.sides[backup];
    const address = `${side.endpoint.host}:${side.endpoint.port}`;
    if (this.m('restore-nested-no-endpoint')) return [['BackupServer', [['uri', 'tcp://']]]];
    if (this.options.restoreReference === 'nested' || this.m('restore-nested-names-primary')) return [['BackupServer', [['uri', `tcp://${address}`]]]];
    return [
      ['BackupServer', address],
      ['BackupApplication', side.applicationName],
    ];
  }

  /** The server named by the backup reference: the backup, or the sender under the mutants that name it. */
  referenceNamed(sender: ServerName, backup: ServerName): ServerName {
    return this.m('restore-names-primary') || this.m('restore-nested-names-primary') ? sender : backup;
  }

  /** What this server adds to every event it writes (CHOICES.md #28, #29). */
  stamp(name: ServerName, message: Message): Message {
    // "it does not use the conventional event contents structure": nothing added.
    if (message.Event === 'EventRestoreConnection') return message;
    if (!this.options.eventSequenceNumber && !this.options.serverStartTime) return message;
    const stamped: Message = { ...message };
    if (this.options.eventSequenceNumber) stamped.EventSequenceNumber = this.sequence[name]++;
    if (this.options.serverStartTime) stamped.ServerStartTime = this.startTime;
    return stamped;
  }

  /** A number in [from, to), drawn from the seeded generator. */
  draw(from: number, to: number): number {
    return from + Math.floor(this.random() * (to - from));
  }

  /** Runs `task` after `ms`, unless the pair is closed first. */
  later(ms: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    this.timers.add(timer);
  }

  /**
   * Copies of an event to clients other than the requester, each after its
   * own jitter (0..fanoutJitterMs); resolves once every copy is queued.
   */
  fanOut(receivers: Iterable<Connection>, event: Message | ((receiver: Connection, index: number) => Message)): Promise<void> {
    const copies = [...receivers].map((receiver, index) => () => receiver.send(typeof event === 'function' ? event(receiver, index) : event));
    const max = this.options.fanoutJitterMs;
    if (max <= 0) {
      for (const copy of copies) copy();
      return Promise.resolve();
    }
    return Promise.all(copies.map((copy) => new Promise<void>((resolve) => this.later(this.draw(0, max + 1), () => {
      copy();
      resolve();
    })))).then(() => undefined);
  }

  /** A late mutant's copy: 300-400 ms after the entitled clients got theirs. */
  sendLate(receivers: Iterable<Connection>, event: Message): void {
    const list = [...receivers];
    this.later(this.draw(300, 401), () => {
      for (const receiver of list) receiver.send(event);
    });
  }

  /** EventRestoreConnection ServerRole 0 from the primary to one client. */
  restorePrimary(conn: Connection): void {
    if (this.m('restore-primary-not-sent')) return;
    const backup = this.other(this.primary);
    const named = this.referenceNamed(this.primary, backup);
    const event: Message = {
      Event: 'EventRestoreConnection',
      ServerRole: this.m('restore-primary-role-1') ? 1 : 0,
    };
    if (!this.m('restore-no-user-data')) event.UserData = this.backupReference(named);
    if (this.m('restore-conventional')) {
      event.time = now();
      event.ReferenceID = 0;
    }
    conn.send(event);
  }

  private makeConnId(): string {
    return (0x7e57_0000 + this.nextCallNumber++).toString(16).padStart(16, '0');
  }

  private accept(name: ServerName, socket: Socket): void {
    const side = this.sides[name];
    const conn = new Connection(
      this.nextConnId++,
      name,
      socket,
      this.options.writeGapMs,
      (c, message) => this.receive(side, c, message),
      (c, problem) => {
        this.log(`server ${name} client ${c.id}: undecodable frame: ${problem}`);
        c.send({ Event: 'EventError', ErrorCode: ERROR.undecodableFrame, ErrorMessage: `frame could not be decoded: ${problem}`, time: now() });
      },
      (c, reason) => {
        side.conns.delete(c);
        this.log(`server ${name} client ${c.id}: closed (${reason})`);
      },
      (message) => this.stamp(name, message),
    );
    side.conns.add(conn);
  }

  private receive(side: Side, conn: Connection, message: Message): void {
    try {
      handleRequest(this, side, conn, message);
    } catch (err) {
      this.log(`server ${side.name} client ${conn.id}: ${message.Event} failed: ${(err as Error).stack ?? err}`);
      const answer: Message = { Event: 'EventError', ErrorCode: ERROR.unsupportedRequest, ErrorMessage: `internal failure: ${(err as Error).message}`, time: now() };
      if (typeof message.ReferenceID === 'number') answer.ReferenceID = message.ReferenceID;
      conn.send(answer);
    }
  }
}

async function listenOn(side: Side, host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    side.listener.once('error', reject);
    side.listener.listen(port, host, () => {
      side.listener.off('error', reject);
      resolve();
    });
  });
  const address = side.listener.address() as AddressInfo;
  side.endpoint = { host, port: address.port };
}
