// A small T-Library-style client written from the reference and
// spec/library-bridge-contract.md alone (it shares no code with src/client).
// It keeps one connection per server address and follows the primary:
// - EventRestoreConnection is consumed here, never dispatched ("processed
//   internally by T-Library, and is not delivered to the user dispatch function");
// - its UserData names the backup, which the library connects to ("T-Library
//   uses this information to try to connect to that server");
// - ServerRole 1 says its sender is the backup now; EventPrimaryChanged says its
//   sender is the primary now, and is followed by TQueryLocation + TQueryAddress;
// - DNs are registered on every connected server, so the new primary already
//   delivers the application's events at the instant it takes over; on every
//   primary change the library registers there whatever DN it does not hold yet.
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { encode, decode, FrameDecoder } from '../../dist/src/index.js';
import { readServerReferences } from './backup-reference.mjs';

const keyOf = (address) => `${address.host}:${address.port}`;

export class LibraryError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export class HotStandbyLibrary extends EventEmitter {
  /**
   * @param {{ primary: {host:string,port:number}, backup?: {host:string,port:number},
   *           applicationName: string, password?: string, handleDelayMs?: number }} options
   * handleDelayMs: handle each received frame that long after the previous one, in
   * order, while requests still go out at once: a library whose reading lags its
   * writing (a busy dispatch thread, a loaded machine). 0 (default): at once.
   */
  constructor(options) {
    super();
    this.options = options;
    this.connections = new Map(); // "host:port" -> connection
    this.primaryKey = keyOf(options.primary);
    this.dns = new Set(); // DNs the application registered
    this.pending = new Map(); // ReferenceID -> { key, internal, resolve?, reject?, what }
    this.nextReference = 1;
    this.closed = false;
  }

  /** Resolves once the primary answered RequestRegisterClient with EventServerConnected. */
  open() {
    return new Promise((resolve, reject) => {
      this.opening = { resolve, reject };
      this.connect(this.options.primary);
      if (this.options.backup) this.connect(this.options.backup);
    });
  }

  /** TRegisterAddress (mode share): answered by the primary; also made on every other server. */
  registerAddress(dn) {
    const primary = this.readyPrimary();
    this.dns.add(dn);
    for (const connection of this.connections.values()) {
      if (connection !== primary && connection.ready) this.registerOn(connection, dn);
    }
    return new Promise((resolve, reject) => {
      primary.dns.add(dn);
      const forget = (error) => {
        primary.dns.delete(dn);
        reject(error);
      };
      const ref = this.allocate({ key: primary.key, internal: false, resolve, reject: forget, what: `RequestRegisterAddress ${dn}` });
      this.write(primary, { Event: 'RequestRegisterAddress', ThisDN: dn, RegisterMode: 0, ReferenceID: ref });
    });
  }

  /** Hands a request to the primary's connection; its answer is dispatched like any event. */
  send(message) {
    const primary = this.readyPrimary();
    const ref = this.allocate({ key: primary.key, internal: false, what: message.Event });
    let frame;
    try {
      frame = encode({ ...message, ReferenceID: ref });
    } catch (error) {
      this.pending.delete(ref);
      throw error;
    }
    primary.socket.write(frame);
    return ref;
  }

  close() {
    this.closed = true;
    const waits = [];
    for (const connection of this.connections.values()) {
      waits.push(new Promise((resolve) => {
        if (connection.socket.destroyed) resolve();
        else connection.socket.once('close', resolve);
      }));
      connection.socket.destroy();
    }
    this.connections.clear();
    this.opening?.reject(new LibraryError('CLOSED', 'closed before the primary answered'));
    this.opening = undefined;
    return Promise.all(waits).then(() => undefined);
  }

  // ---- connections ------------------------------------------------------

  readyPrimary() {
    if (this.closed) throw new LibraryError('CLOSED', 'the library is closed');
    const primary = this.connections.get(this.primaryKey);
    if (!primary?.ready) throw new LibraryError('NOT_OPEN', `the primary ${this.primaryKey} is not registered yet`);
    return primary;
  }

  connect(address) {
    const key = keyOf(address);
    if (this.closed || this.connections.has(key)) return;
    const socket = net.connect({ host: address.host, port: address.port });
    socket.setNoDelay(true);
    // dns: the DNs registered (or being registered) on this server.
    const connection = { key, socket, frames: new FrameDecoder(), ready: false, dns: new Set() };
    this.connections.set(key, connection);
    socket.on('connect', () => {
      const register = { Event: 'RequestRegisterClient', ApplicationName: this.options.applicationName, ReferenceID: this.allocate({ key, internal: true, what: 'RequestRegisterClient' }) };
      if (this.options.password !== undefined) register.ApplicationPassword = this.options.password;
      this.write(connection, register);
    });
    socket.on('data', (chunk) => this.receive(connection, chunk));
    socket.on('error', (error) => this.report('CONNECTION_ERROR', `${key}: ${error.message}`));
    socket.on('close', () => this.lost(connection));
  }

  receive(connection, chunk) {
    if (this.closed) return;
    let frames;
    try {
      frames = connection.frames.push(chunk);
    } catch (error) {
      this.report(error.code ?? 'BAD_FRAME', `${connection.key}: ${error.message}; connection dropped`);
      connection.socket.destroy();
      return;
    }
    for (const frame of frames) {
      let message;
      try {
        message = decode(frame);
      } catch (error) {
        this.report(error.code ?? 'BAD_FRAME', `${connection.key}: ${error.message}; frame skipped`);
        continue;
      }
      if (this.options.handleDelayMs > 0) {
        this.lagging = (this.lagging ?? Promise.resolve())
          .then(() => new Promise((resolve) => setTimeout(resolve, this.options.handleDelayMs)))
          .then(() => this.closed || this.handle(connection, message));
        continue;
      }
      this.handle(connection, message);
      if (this.closed) return;
    }
  }

  lost(connection) {
    if (this.connections.get(connection.key) !== connection) return;
    this.connections.delete(connection.key);
    if (this.closed) return;
    this.report('CONNECTION_LOST', `${connection.key}: the connection closed`);
    for (const [ref, entry] of this.pending) {
      if (entry.key !== connection.key) continue;
      this.pending.delete(ref);
      const error = new LibraryError('CONNECTION_LOST', `${entry.what}: ${connection.key} closed before answering`);
      if (entry.reject) entry.reject(error);
      else if (!entry.internal) this.report(error.code, error.message);
    }
    if (this.opening && connection.key === keyOf(this.options.primary)) {
      this.opening.reject(new LibraryError('OPEN_FAILED', `could not register with the primary ${connection.key}`));
      this.opening = undefined;
    }
    // With the primary gone, the other server that is still registered is the best guess.
    if (connection.key === this.primaryKey) {
      const other = [...this.connections.values()].find((c) => c.ready);
      if (other) this.primaryKey = other.key;
    }
  }

  // ---- events -------------------------------------------------------------

  handle(connection, message) {
    switch (message.Event) {
      case 'EventRestoreConnection':
        this.restoreConnection(connection, message);
        return; // never dispatched
      case 'EventServerConnected':
        this.settle(message);
        connection.ready = true;
        this.registerAll(connection);
        if (this.opening && connection.key === keyOf(this.options.primary)) {
          this.opening.resolve();
          this.opening = undefined;
        }
        this.dispatch(connection, message);
        return;
      case 'EventPrimaryChanged':
        // The sender is primary now; requests follow before the application hears of it.
        this.primaryKey = connection.key;
        this.registerAll(connection);
        this.resynchronise(connection);
        this.dispatch(connection, message);
        return;
      default: {
        const entry = this.settle(message);
        if (entry?.internal) {
          if (message.Event === 'EventError') {
            const why = `${entry.what} on ${connection.key}: ${message.ErrorMessage ?? `error ${message.ErrorCode}`}`;
            this.report('INTERNAL_REQUEST_REFUSED', why);
            // Refused: the next primary change tries again.
            if (entry.dn !== undefined) connection.dns.delete(entry.dn);
            if (this.opening && entry.what === 'RequestRegisterClient' && connection.key === keyOf(this.options.primary)) {
              this.opening.reject(new LibraryError('OPEN_FAILED', why));
              this.opening = undefined;
            }
          }
          return;
        }
        this.dispatch(connection, message);
      }
    }
  }

  /** Completes the request a message answers; returns its entry. */
  settle(message) {
    if (message.ReferenceID === undefined) return undefined;
    const entry = this.pending.get(message.ReferenceID);
    if (!entry) return undefined;
    this.pending.delete(message.ReferenceID);
    if (message.Event === 'EventError') entry.reject?.(new LibraryError(`EVENT_ERROR_${message.ErrorCode ?? ''}`, `${entry.what}: ${message.ErrorMessage ?? 'refused'}`));
    else entry.resolve?.(message);
    return entry;
  }

  restoreConnection(connection, message) {
    const { backup, primary } = readServerReferences(message.UserData);
    if (message.ServerRole === 1 && this.primaryKey === connection.key) {
      // "has been changed from the primary to the backup": the primary is elsewhere.
      const named = primary && keyOf(primary) !== connection.key ? keyOf(primary) : undefined;
      const other = named ?? [...this.connections.keys()].find((key) => key !== connection.key);
      if (other) this.primaryKey = other;
      if (named) this.connect(primary);
      const now = this.connections.get(this.primaryKey);
      if (now?.ready) this.registerAll(now);
    }
    if (backup && keyOf(backup) !== connection.key) this.connect(backup);
  }

  resynchronise(connection) {
    this.write(connection, { Event: 'RequestQueryLocation', ReferenceID: this.allocate({ key: connection.key, internal: false, what: 'RequestQueryLocation' }) });
    for (const dn of this.dns) {
      this.write(connection, { Event: 'RequestQueryAddress', ThisDN: dn, ReferenceID: this.allocate({ key: connection.key, internal: false, what: `RequestQueryAddress ${dn}` }) });
    }
  }

  /** Registers on this server every DN of the application it does not hold yet. */
  registerAll(connection) {
    for (const dn of this.dns) this.registerOn(connection, dn);
  }

  registerOn(connection, dn) {
    if (connection.dns.has(dn)) return;
    connection.dns.add(dn);
    const ref = this.allocate({ key: connection.key, internal: true, dn, what: `RequestRegisterAddress ${dn}` });
    this.write(connection, { Event: 'RequestRegisterAddress', ThisDN: dn, RegisterMode: 0, ReferenceID: ref });
  }

  dispatch(connection, message) {
    if (this.closed) return;
    this.emit('event', { ...message, Server: connection.key }, connection.key);
  }

  report(code, message) {
    if (!this.closed) this.emit('failure', { code, message });
  }

  allocate(entry) {
    const ref = this.nextReference;
    this.nextReference = ref >= 0xffffffff ? 1 : ref + 1;
    this.pending.set(ref, entry);
    return ref;
  }

  write(connection, message) {
    connection.socket.write(encode(message));
  }
}
