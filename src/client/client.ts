/**
 * TClient: a T-Library-style client for a hot-standby pair of T-Servers.
 *
 * It keeps one connection to the primary (the "active" server: requests go
 * there, its events reach the application) and, once the primary's
 * EventRestoreConnection names the backup, a registered connection to the
 * backup too (the "standby"), whose events are consumed internally until it
 * reports EventPrimaryChanged. EventRestoreConnection is never dispatched:
 * "EventRestoreConnection is processed internally by T-Library, and is not
 * delivered to the user dispatch function." Behaviour is specified in
 * spec/client.md.
 */
import type { TLibError } from '../wire/errors.js';
import type { Message } from '../codec/types.js';
import { REGISTER_MODE } from '../registry.js';
import { openSocket, ServerConnection, type ConnectionHandlers } from './connection.js';
import { sameEndpoint, type Endpoint } from './endpoint.js';
import { ClientError, isClientError } from './errors.js';
import { Handshakes, type Role } from './handshake.js';
import { Listeners } from './listeners.js';
import { resolveOptions, type ResolvedOptions, type TClientOptions } from './options.js';
import { outcome, type Outcome } from './outcome.js';
import { PendingRequests, type InternalRequestOptions, type RequestOptions } from './pending-requests.js';
import { reconnectSchedule } from './reconnect-schedule.js';
import { readRestoreConnection } from './restore-connection.js';
import { resynchronise, type ResyncResult } from './resync.js';
import { initialState, phaseOf, reduce, resyncDue, type Action, type ClientPhase, type ClientState } from './client-state.js';
import { roleOf, Roles, type Switch, type SwitchReason } from './roles.js';
import * as tlib from './tlib-requests.js';
import { internalEventTap } from './internal-tap.js';

export type { SwitchReason } from './roles.js';

export interface OpenedInfo {
  server: string;
  /** False for open(), true after a reconnect. */
  reconnected: boolean;
  /** Re-registration of the DNs registered before the connection was lost. */
  registrations: Array<{ dn: string } & Outcome>;
}

export type TClientEvents = {
  /** The application's dispatch function: every event of the active server, `Server` filled. */
  event: (event: Message) => void;
  opened: (info: OpenedInfo) => void;
  disconnected: (info: { server: string; role: 'primary' | 'backup'; reason: string }) => void;
  switched: (info: { from: string | undefined; to: string; reason: SwitchReason }) => void;
  /** The hot-standby connection to the backup is registered. */
  backupConnected: (info: { server: string }) => void;
  resynced: (result: ResyncResult) => void;
  /** One connection attempt failed; the pool goes on. */
  attemptFailed: (info: { server: string; pass: number; error: Error }) => void;
  error: (error: ClientError | TLibError) => void;
  closed: () => void;
};

export type { ClientPhase } from './client-state.js';

interface StandbyAttempt {
  readonly backup: Endpoint;
  /** A later reference replaced it, or close() ended it. */
  superseded: boolean;
  connection?: ServerConnection;
}

interface Wait {
  timer: NodeJS.Timeout;
  resolve: () => void;
}

export class TClient {
  private readonly opts: ResolvedOptions;
  private readonly pending = new PendingRequests();
  private readonly handshakes = new Handshakes();
  private readonly listeners = new Listeners<TClientEvents>((name, error) => this.listenerFailed(String(name), error));
  private readonly dns = new Map<string, tlib.RegisterMode>();
  private readonly connecting = new Set<ServerConnection>();
  /** Which connection is active, which is the standby, and what each server says it is. */
  private readonly roles = new Roles<ServerConnection>();
  /** The primary that search found, while the client registers its DNs there. */
  private adopting: Promise<void> | undefined;
  private readonly waits = new Set<Wait>();
  private readonly handlers: ConnectionHandlers = {
    message: (connection, message) => this.onMessage(connection, message),
    malformed: (_connection, error) => this.reportError(error),
    closed: (connection, reason) => this.onClosed(connection, reason),
    stalled: (_connection, error) => this.reportError(error),
  };
  /** The backup reference being followed (the latest EventRestoreConnection ServerRole 0). */
  private standbyAttempt: StandbyAttempt | undefined;
  private primaryLostTimer: NodeJS.Timeout | undefined;
  /** Lifecycle, background work and link state: one value, changed only through apply() (client-state.ts). */
  private state: ClientState<ServerConnection> = initialState();
  /** Bumped by close(), so async work started before it stops. */
  private generation = 0;

  constructor(options: TClientOptions) {
    this.opts = resolveOptions(options);
  }

  /** `open` exactly when a request would be sent (an active connection is open); `reconnecting` while none is. */
  get phase(): ClientPhase {
    const active = this.roles.active;
    return phaseOf(this.state, active !== undefined && !active.closed);
  }

  /** A request now would be sent. */
  get ready(): boolean {
    return this.phase === 'open';
  }

  /** The active server ("host:port"), the `Server` of dispatched events. */
  get server(): string | undefined {
    return this.roles.active?.endpoint.name;
  }

  /** The hot-standby backup connection, when there is one. */
  get backupServer(): string | undefined {
    return this.roles.standby?.endpoint.name;
  }

  get registeredDNs(): string[] {
    return [...this.dns.keys()];
  }

  /** The endpoint pool, including a backup learned from EventRestoreConnection. */
  get pool(): readonly Endpoint[] {
    return this.opts.pool;
  }

  on<K extends keyof TClientEvents>(name: K, listener: TClientEvents[K]): this {
    this.listeners.add(name, listener);
    return this;
  }

  off<K extends keyof TClientEvents>(name: K, listener: TClientEvents[K]): this {
    this.listeners.remove(name, listener);
    return this;
  }

  /**
   * Connects to the pool (primary first) and registers the client. Rejects
   * with REGISTRATION_REFUSED at once, or ALL_ENDPOINTS_FAILED after
   * reconnect.maxPasses passes, or CLOSED.
   */
  async open(): Promise<void> {
    if (this.state.lifecycle !== 'idle') throw new ClientError('INVALID_REQUEST', `open() called while the client is ${this.phase}`);
    this.apply({ type: 'open' });
    try {
      await this.connectCycle(true, 0);
    } catch (error) {
      this.apply({ type: 'open-failed' });
      throw error;
    }
    await this.afterOpened(false);
  }

  /** Closes every connection; pending requests reject with CLOSED. The client cannot be reopened. */
  async close(): Promise<void> {
    if (this.state.lifecycle === 'closed') return;
    this.apply({ type: 'close' });
    this.generation++;
    if (this.standbyAttempt) this.standbyAttempt.superseded = true;
    this.standbyAttempt = undefined;
    this.clearPrimaryLost();
    for (const wait of this.waits) {
      clearTimeout(wait.timer);
      wait.resolve();
    }
    this.waits.clear();
    this.pending.rejectAll((request) => new ClientError('CLOSED', `${request.Event} abandoned: the client was closed`));
    this.handshakes.failAll(new ClientError('CLOSED', 'the client was closed during registration'));
    for (const connection of [this.roles.active, this.roles.standby, ...this.connecting]) connection?.close('closed by the application');
    this.roles.clear();
    this.listeners.emit('closed');
  }

  /**
   * Sends a request to the active server and resolves with its answer: the
   * first event carrying the request's ReferenceID (allocated unless given).
   * EventError rejects with REQUEST_FAILED unless `resolveOnError`.
   */
  request(message: Message, options: RequestOptions = {}): Promise<Message> {
    const { timeoutMs, expect, resolveOnError } = options;
    return this.requestOn(this.roles.active, message, { timeoutMs, expect, resolveOnError });
  }

  /** TRegisterAddress(); the DN is re-registered after reconnects and on the backup. */
  async registerAddress(dn: string, mode: tlib.RegisterMode = REGISTER_MODE.ModeShare): Promise<Message> {
    requireDN(dn);
    const answer = await this.send(tlib.registerAddress(dn, mode));
    this.dns.set(dn, mode);
    this.mirrorOnStandby(tlib.registerAddress(dn, mode));
    return answer;
  }

  async unregisterAddress(dn: string): Promise<Message> {
    requireDN(dn);
    const answer = await this.send(tlib.unregisterAddress(dn));
    this.dns.delete(dn);
    this.mirrorOnStandby(tlib.unregisterAddress(dn));
    return answer;
  }

  sendUserEvent(dn: string, userData: Parameters<typeof tlib.sendUserEvent>[1], extra?: Parameters<typeof tlib.sendUserEvent>[2]): Promise<Message> {
    return this.send(tlib.sendUserEvent(dn, userData, extra));
  }
  sendEvent(dn: string, extra?: Parameters<typeof tlib.sendEvent>[1]): Promise<Message> {
    return this.send(tlib.sendEvent(dn, extra));
  }
  privateService(dn: string, privateEvent: number, extra?: Parameters<typeof tlib.privateService>[2]): Promise<Message> {
    return this.send(tlib.privateService(dn, privateEvent, extra));
  }
  reserveAgent(agent: Parameters<typeof tlib.reserveAgent>[0]): Promise<Message> {
    return this.send(tlib.reserveAgent(agent));
  }
  setCallInfo(connId: string, extra?: Parameters<typeof tlib.setCallInfo>[1]): Promise<Message> {
    return this.send(tlib.setCallInfo(connId, extra));
  }
  queryLocation(extra?: Parameters<typeof tlib.queryLocation>[0]): Promise<Message> {
    return this.send(tlib.queryLocation(extra));
  }
  queryAddress(dn: string, extra?: Parameters<typeof tlib.queryAddress>[1]): Promise<Message> {
    return this.send(tlib.queryAddress(dn, extra));
  }
  queryCall(connId: string, extra?: Parameters<typeof tlib.queryCall>[1]): Promise<Message> {
    return this.send(tlib.queryCall(connId, extra));
  }
  transactionMonitoring(operation: tlib.SubscriptionOperation, extra?: Parameters<typeof tlib.transactionMonitoring>[1]): Promise<Message> {
    return this.send(tlib.transactionMonitoring(operation, extra));
  }
  setInputMask(mask: Uint8Array): Promise<Message> {
    return this.send(tlib.setInputMask(mask));
  }

  private send(request: tlib.TLibRequest, connection = this.roles.active, internal = false): Promise<Message> {
    return this.requestOn(connection, request.message, { expect: request.expect, internal });
  }

  private requestOn(connection: ServerConnection | undefined, message: Message, options: InternalRequestOptions): Promise<Message> {
    if (!connection || connection.closed) return Promise.reject(new ClientError('NOT_OPEN', 'no T-Server connection is open'));
    if (typeof message !== 'object' || message === null) {
      return Promise.reject(new ClientError('INVALID_REQUEST', `a request must be a message object, got ${String(message)}`));
    }
    const timeoutMs = options.timeoutMs ?? this.opts.requestTimeoutMs;
    if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
      return Promise.reject(new ClientError('INVALID_REQUEST', `timeoutMs must be a positive number, got ${String(timeoutMs)}`));
    }
    if (this.pending.size >= this.opts.maxPendingRequests) {
      return Promise.reject(new ClientError('TOO_MANY_PENDING', `${this.opts.maxPendingRequests} requests already wait for an answer (maxPendingRequests); ${message.Event} was not sent`));
    }
    if (message.ReferenceID !== undefined && this.pending.isInUse(message.ReferenceID)) {
      return Promise.reject(new ClientError('INVALID_REQUEST', `ReferenceID ${message.ReferenceID} is already waiting for an answer`));
    }
    const outgoing = { ...message, ReferenceID: message.ReferenceID ?? this.pending.allocate() };
    try {
      connection.send(outgoing, this.opts.maxQueuedBytes);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.pending.wait(connection, outgoing, timeoutMs, options);
  }

  // ---- connecting -------------------------------------------------------

  /** Tries the pool per the reconnect schedule until one endpoint registers as the active server. */
  private async connectCycle(initial: boolean, startIndex: number): Promise<ServerConnection> {
    const generation = this.generation;
    const { reconnect } = this.opts;
    let lastError: Error | undefined;
    for (const attempt of reconnectSchedule(this.opts.pool, reconnect, { startIndex, initial, random: this.opts.random })) {
      await this.wait(attempt.delayMs);
      if (generation !== this.generation) throw closedError();
      try {
        return await this.connectTo(attempt.endpoint, 'active');
      } catch (error) {
        if (generation !== this.generation) throw closedError();
        if (isClientError(error, 'REGISTRATION_REFUSED')) throw error;
        lastError = error as Error;
        this.listeners.emit('attemptFailed', { server: attempt.endpoint.name, pass: attempt.pass, error: lastError });
      }
    }
    const names = this.opts.pool.map((e) => e.name).join(', ');
    throw new ClientError('ALL_ENDPOINTS_FAILED', `no endpoint of the pool (${names}) opened in ${reconnect.maxPasses} passes; last error: ${lastError?.message}`, {
      cause: lastError,
    });
  }

  /** Connects and registers the client; the role is taken synchronously when EventServerConnected arrives. */
  private async connectTo(endpoint: Endpoint, role: Role, attempt?: StandbyAttempt): Promise<ServerConnection> {
    const generation = this.generation;
    const socket = await openSocket(endpoint, this.opts.openTimeoutMs);
    if (generation !== this.generation || attempt?.superseded) {
      socket.destroy();
      throw generation !== this.generation ? closedError() : new ClientError('CLOSED', `the backup reference to ${endpoint.name} was superseded`);
    }
    const connection = new ServerConnection(endpoint, socket, this.opts.limits, this.handlers);
    if (attempt) attempt.connection = connection;
    this.connecting.add(connection);
    try {
      await this.handshakes.start(connection, role, this.registerClientRequest(), this.opts.openTimeoutMs);
    } catch (error) {
      connection.close(`registration failed: ${(error as Error).message}`);
      throw error;
    } finally {
      this.connecting.delete(connection);
    }
    return connection;
  }

  private registerClientRequest(): Message {
    const request: Message = { Event: 'RequestRegisterClient', ReferenceID: this.pending.allocate(), ApplicationName: this.opts.applicationName };
    if (this.opts.password !== undefined) request.ApplicationPassword = this.opts.password;
    return request;
  }

  private async afterOpened(reconnected: boolean): Promise<void> {
    const active = this.roles.active;
    if (!active) return;
    const registrations = await Promise.all(
      [...this.dns].map(async ([dn, mode]) => ({ dn, ...(await outcome(this.send(tlib.registerAddress(dn, mode), active))) })),
    );
    this.listeners.emit('opened', { server: active.endpoint.name, reconnected, registrations });
  }

  /**
   * Follows the latest backup reference only: a later EventRestoreConnection
   * naming another backup abandons the attempt in flight (its socket is
   * closed before the password is sent, or its connection after), and the
   * attempt starts after the current read, so a burst of references in one
   * read opens one connection. close() ends it like every other.
   */
  private connectStandby(backup: Endpoint): void {
    const current = this.standbyAttempt;
    if (current && !current.superseded && sameEndpoint(current.backup, backup)) return;
    const { active, standby } = this.roles;
    if (standby && !standby.closed && sameEndpoint(standby.endpoint, backup)) return;
    if (active && sameEndpoint(active.endpoint, backup)) return;
    if (current) {
      current.superseded = true;
      current.connection?.close(`superseded: a later EventRestoreConnection names ${backup.name} as the backup`);
    }
    standby?.close(`replaced: EventRestoreConnection names ${backup.name} as the backup`);
    const attempt: StandbyAttempt = { backup, superseded: false };
    this.standbyAttempt = attempt;
    const generation = this.generation;
    setImmediate(() => {
      if (attempt.superseded || generation !== this.generation) return;
      this.connectTo(backup, 'standby', attempt).then(
        (connection) => {
          if (this.standbyAttempt === attempt) this.standbyAttempt = undefined;
          if (connection.closed || attempt.superseded) return;
          for (const [dn, mode] of this.dns) this.mirrorOnStandby(tlib.registerAddress(dn, mode));
          this.listeners.emit('backupConnected', { server: connection.endpoint.name });
        },
        (error: Error) => {
          if (this.standbyAttempt === attempt) this.standbyAttempt = undefined;
          if (generation === this.generation && !attempt.superseded) this.listeners.emit('attemptFailed', { server: backup.name, pass: 0, error });
        },
      );
    });
  }

  /** Keeps the standby's registrations equal to the active's, so a switchover needs no re-registration. */
  private mirrorOnStandby(request: tlib.TLibRequest): void {
    const standby = this.roles.standby;
    if (!standby) return;
    this.send(request, standby, true).catch((error: ClientError) => {
      if (!isClientError(error, 'CLOSED')) this.reportError(error);
    });
  }

  // ---- incoming ---------------------------------------------------------

  private onMessage(connection: ServerConnection, message: Message): void {
    if (message.Event === 'EventRestoreConnection') return this.onRestoreConnection(connection, message);
    const role = this.handshakes.offer(connection, message);
    if (role) return this.onRegistered(connection, role, message);
    if (this.handshakes.isRegistering(connection)) return;
    if (this.pending.settle(connection, message) === 'internal') return;
    const resyncDue = this.trackLink(connection, message);
    if (message.Event === 'EventPrimaryChanged') this.onPrimaryChanged(connection, message);
    else if (this.roles.dispatches(connection)) this.dispatch(message);
    if (resyncDue) this.startResync(connection);
  }

  private onRegistered(connection: ServerConnection, slot: Role, serverConnected: Message): void {
    if (slot === 'standby' && this.standbyAttempt?.connection !== connection) {
      return connection.close('superseded: a later EventRestoreConnection names another backup');
    }
    const result = this.roles.registered(connection, slot, roleOf(serverConnected.ServerRole));
    if (result.switched) this.emitSwitch(result.switched);
    if (slot === 'standby') return;
    if (slot === 'candidate') {
      if (!result.accepted) return connection.close('looking for the primary: this server is not primary either');
      this.dispatch(serverConnected);
      this.adopting = this.adoptPrimary(connection);
      return;
    }
    this.apply({ type: 'registered' });
    this.dispatch(serverConnected);
    this.checkPrimary();
  }

  /**
   * The primary found while on a backup: the DNs are registered there first
   * and only then does it become active and 'switched' is reported, so an
   * event sent on a DN at the moment of the switch reaches the application
   * (its events are dispatched from its registration on).
   */
  private async adoptPrimary(connection: ServerConnection): Promise<void> {
    const registrations = await Promise.all(
      [...this.dns].map(async ([dn, mode]) => ({ dn, ...(await outcome(this.send(tlib.registerAddress(dn, mode), connection, true))) })),
    );
    if (this.state.lifecycle === 'closed' || connection.closed) return;
    const promoted = this.roles.promote(connection);
    if (!promoted) return connection.close('the active server became primary while the client registered here');
    promoted.displaced?.close(`replaced by the primary ${connection.endpoint.name}`);
    this.emitSwitch(promoted.switched);
    this.listeners.emit('opened', { server: connection.endpoint.name, reconnected: true, registrations });
  }

  private emitSwitch(sw: Switch<ServerConnection>): void {
    this.listeners.emit('switched', { from: sw.from?.endpoint.name, to: sw.to.endpoint.name, reason: sw.reason });
  }

  /**
   * The client never stays on a backup without saying so: when the active
   * server reports ServerRole 1 (and no EventPrimaryChanged since), it
   * reports NOT_PRIMARY and looks for the primary over the pool, keeping the
   * backup active (and requests going to it) until it finds one.
   */
  private checkPrimary(): void {
    const active = this.roles.active;
    if (!active || !this.roles.activeIsBackup || this.state.lifecycle === 'closed') return;
    this.reportError(new ClientError('NOT_PRIMARY', `the active server ${active.endpoint.name} reports it is a backup (ServerRole 1) and has not reported EventPrimaryChanged; looking for the primary`, { server: active.endpoint.name }));
    this.huntPrimary();
  }

  private huntPrimary(): void {
    if (this.state.searching) return;
    this.apply({ type: 'search', running: true });
    const generation = this.generation;
    const { reconnect } = this.opts;
    const search = async (): Promise<void> => {
      for (const attempt of reconnectSchedule(this.opts.pool, reconnect, { startIndex: 0, initial: false, random: this.opts.random })) {
        await this.wait(attempt.delayMs);
        const active = this.roles.active;
        if (generation !== this.generation || !active || !this.roles.activeIsBackup) return;
        if (sameEndpoint(attempt.endpoint, active.endpoint)) continue;
        try {
          await this.connectTo(attempt.endpoint, 'candidate');
        } catch (error) {
          if (generation !== this.generation) return;
          this.listeners.emit('attemptFailed', { server: attempt.endpoint.name, pass: attempt.pass, error: error as Error });
        }
        await this.adopting;
        this.adopting = undefined;
        if (!this.roles.activeIsBackup) return;
      }
      const active = this.roles.active;
      if (generation === this.generation && active && this.roles.activeIsBackup) {
        this.reportError(new ClientError('NOT_PRIMARY', `no primary found in ${reconnect.maxPasses} passes over the pool; staying on the backup ${active.endpoint.name}`, { server: active.endpoint.name }));
      }
    };
    void search().finally(() => this.apply({ type: 'search', running: false }));
  }

  private onRestoreConnection(connection: ServerConnection, event: Message): void {
    if (this.state.lifecycle === 'closed') return;
    internalEventTap(this)?.(event);
    let restore;
    try {
      restore = readRestoreConnection(event);
    } catch (error) {
      return this.reportError(error as ClientError);
    }
    if (restore.role === 'backup') return this.onDemoted(connection);
    if (sameEndpoint(restore.backup, connection.endpoint)) {
      return this.reportError(new ClientError('BAD_RESTORE_CONNECTION', `EventRestoreConnection from ${connection.endpoint.name} names itself as the backup`, { server: connection.endpoint.name, event }));
    }
    this.learnBackup(connection.endpoint, restore.backup);
    this.connectStandby(restore.backup);
  }

  /**
   * ServerRole 1: the sender is backup now. Per the reference this guards
   * against quick double switchovers, where EventPrimaryChanged from the two
   * servers can arrive in either order; the other server takes over.
   */
  private onDemoted(connection: ServerConnection): void {
    const standby = this.roles.standby;
    const sw = this.roles.demoted(connection, standby !== undefined && !standby.closed);
    if (sw) this.emitSwitch(sw);
    this.checkPrimary();
  }

  /** The backup named by the primary joins the pool, replacing the configured one if they differ. */
  private learnBackup(primary: Endpoint, backup: Endpoint): void {
    const pool = this.opts.pool;
    if (pool.some((e) => sameEndpoint(e, backup))) return;
    if (pool.length < 2) pool.push(backup);
    else pool[sameEndpoint(pool[1]!, primary) ? 0 : 1] = backup;
  }

  private onPrimaryChanged(connection: ServerConnection, event: Message): void {
    const from = this.roles.active;
    const slotted = connection === from || connection === this.roles.standby;
    const sw = this.roles.primaryChanged(connection, from !== undefined && !from.closed);
    if (!slotted) return;
    if (sw) {
      this.clearPrimaryLost();
      this.emitSwitch(sw);
    }
    const held = this.state.links.get(connection)?.held;
    this.apply({ type: 'primary-changed', c: connection });
    if (held?.Event === 'EventLinkDisconnected') this.dispatch(held);
    this.dispatch(event);
    // "receiving EventPrimaryChanged when the link is disconnected may be safely ignored": resync waits for EventLinkConnected.
    if (this.state.resyncOnLinkUp !== connection) this.startResync(connection);
  }

  /** Records link state; true when a resync deferred by a link-down switchover is now due. */
  private trackLink(connection: ServerConnection, message: Message): boolean {
    if (message.Event !== 'EventLinkDisconnected' && message.Event !== 'EventLinkConnected') return false;
    const active = connection === this.roles.active;
    this.apply({ type: 'link', c: connection, event: message, active });
    if (!resyncDue(this.state, connection, active)) return false;
    this.apply({ type: 'resynced', c: connection });
    return true;
  }

  private startResync(connection: ServerConnection): void {
    void resynchronise(connection.endpoint.name, [...this.dns.keys()], (request) => this.send(request, connection)).then((result) =>
      this.listeners.emit('resynced', result),
    );
  }

  // ---- losing servers -----------------------------------------------------

  private onClosed(connection: ServerConnection, reason: string): void {
    this.pending.rejectConnection(connection, reason);
    this.handshakes.fail(connection, new ClientError('DISCONNECTED', `${connection.endpoint.name} closed during registration: ${reason}`, { server: connection.endpoint.name }));
    this.apply({ type: 'lost', c: connection });
    const slot = this.roles.lost(connection);
    if (this.state.lifecycle === 'closed' || slot === undefined) return;
    this.listeners.emit('disconnected', { server: connection.endpoint.name, role: slot === 'standby' ? 'backup' : 'primary', reason });
    this.recover(connection.endpoint);
  }

  /** With the standby alive, give it switchoverDelayMs to report EventPrimaryChanged; else reconnect. */
  private recover(lost: Endpoint): void {
    if (this.roles.active) return;
    if (this.roles.standby) {
      this.primaryLostTimer ??= setTimeout(() => this.promoteStandby(lost), this.opts.reconnect.switchoverDelayMs);
      return;
    }
    this.clearPrimaryLost();
    this.startReconnect(lost);
  }

  private promoteStandby(lost: Endpoint): void {
    this.primaryLostTimer = undefined;
    const standby = this.roles.promoteStandby();
    if (!standby) return;
    this.listeners.emit('switched', { from: lost.name, to: standby.endpoint.name, reason: 'primary-lost' });
    this.checkPrimary();
  }

  private startReconnect(lost: Endpoint): void {
    if (!this.opts.reconnect.enabled) {
      this.apply({ type: 'down' });
      return;
    }
    if (this.state.reconnecting) return;
    this.apply({ type: 'reconnect', running: true });
    const startIndex = Math.max(0, this.opts.pool.findIndex((e) => sameEndpoint(e, lost)));
    this.connectCycle(false, startIndex).then(
      (connection) => {
        this.apply({ type: 'reconnect', running: false });
        if (!sameEndpoint(connection.endpoint, lost)) {
          this.listeners.emit('switched', { from: lost.name, to: connection.endpoint.name, reason: 'reconnect' });
        }
        return this.afterOpened(true);
      },
      (error: ClientError) => {
        if (this.state.lifecycle === 'closed') return;
        this.apply({ type: 'down' });
        this.reportError(error);
      },
    );
  }

  private clearPrimaryLost(): void {
    clearTimeout(this.primaryLostTimer);
    this.primaryLostTimer = undefined;
  }

  // ---- plumbing -----------------------------------------------------------

  private apply(action: Action<ServerConnection>): void {
    this.state = reduce(this.state, action);
  }

  private dispatch(event: Message): void {
    if (this.opts.onEvent) {
      try {
        this.opts.onEvent(event);
      } catch (error) {
        this.listenerFailed('onEvent', error);
      }
    }
    this.listeners.emit('event', event);
  }

  private reportError(error: ClientError | TLibError): void {
    this.listeners.emit('error', error);
  }

  private listenerFailed(name: string, error: unknown): void {
    if (name === 'error') return;
    const why = error instanceof Error ? error.message : String(error);
    this.reportError(new ClientError('LISTENER_FAILED', `the application's "${name}" listener threw: ${why}`, { cause: error }));
  }

  /** A delay that close() cuts short, so open() cannot hang on a closed client. */
  private wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wait: Wait = { timer: setTimeout(() => this.waits.delete(wait) && resolve(), ms), resolve };
      this.waits.add(wait);
    });
  }
}

function requireDN(dn: unknown): void {
  if (typeof dn !== 'string' || dn.length === 0) throw new ClientError('INVALID_REQUEST', `a DN must be a non-empty string, got ${JSON.stringify(dn)}`);
}

function closedError(): ClientError {
  return new ClientError('CLOSED', 'the client was closed');
}
