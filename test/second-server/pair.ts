/**
 * The hot-standby pair: two listeners ("one", initially primary, and "two",
 * initially backup) sharing one switch state (calls, subscriptions, links,
 * which server is primary). DN registrations belong to each connection.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Message } from '../../src/index.js';
import { Connection, type Role } from './connection.js';
import { resolveOptions, type ServerOptions, type CallSpec } from './options.js';
import { mutantById } from './mutants.js';
import { ERROR } from './errors.js';
import { handleRequest } from './requests.js';
import { now } from './clock.js';

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

  /** The reference to the backup T-Server, as this vendor writes it in UserData. */
  backupReference(backup: ServerName): Array<[string, string]> {
    const side = this.sides[backup];
    return [
      ['BackupServer', `${side.endpoint.host}:${side.endpoint.port}`],
      ['BackupApplication', side.applicationName],
    ];
  }

  /** EventRestoreConnection ServerRole 0 from the primary to one client. */
  restorePrimary(conn: Connection): void {
    if (this.m('restore-primary-not-sent')) return;
    const backup = this.other(this.primary);
    const named = this.m('restore-names-primary') ? this.primary : backup;
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
