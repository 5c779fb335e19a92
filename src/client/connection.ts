/**
 * One TCP connection to one T-Server: frames in, messages out. Every decoded
 * message gets `Server` set to the endpoint's name here, so nothing above
 * this layer can forget it. A frame the codec rejects is reported and the
 * connection closed: after a framing error the byte stream cannot be trusted.
 */
import net from 'node:net';
import { decode } from '../codec/decode.js';
import { encode } from '../codec/encode.js';
import { FrameDecoder } from '../codec/frame-decoder.js';
import { isTLibError } from '../wire/errors.js';
import type { Limits } from '../codec/limits.js';
import type { Message } from '../codec/types.js';
import type { Endpoint } from './endpoint.js';
import { ClientError } from './errors.js';

export interface ConnectionHandlers {
  message(connection: ServerConnection, message: Message): void;
  /** Called once, before `closed`, when the server sent bytes the codec rejects. */
  malformed(connection: ServerConnection, error: ClientError): void;
  /** Called exactly once, whoever closed the connection. */
  closed(connection: ServerConnection, reason: string): void;
  /** The server stopped reading: a write was refused (once until it reads again). */
  stalled?(connection: ServerConnection, error: ClientError): void;
}

/** How long an ended socket may linger half-open before it is destroyed, ms. */
const CLOSE_GRACE_MS = 200;

/** Opens a TCP socket, rejecting with CONNECT_FAILED or OPEN_TIMEOUT. */
export function openSocket(endpoint: Endpoint, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: endpoint.host, port: endpoint.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ClientError('OPEN_TIMEOUT', `connecting to ${endpoint.name} took longer than ${timeoutMs} ms`, { server: endpoint.name }));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (cause) => {
      clearTimeout(timer);
      reject(new ClientError('CONNECT_FAILED', `cannot connect to ${endpoint.name}: ${cause.message}`, { server: endpoint.name, cause }));
    });
  });
}

export class ServerConnection {
  private readonly decoder: FrameDecoder;
  private isClosed = false;
  /** Refusing writes until the server takes what is queued ('drain'). */
  private stalled = false;

  constructor(
    readonly endpoint: Endpoint,
    private readonly socket: net.Socket,
    limits: Partial<Limits> | undefined,
    private readonly handlers: ConnectionHandlers,
  ) {
    this.decoder = new FrameDecoder(limits);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk, limits));
    socket.on('error', (error) => this.finish(`socket error: ${error.message}`));
    socket.on('close', () => this.finish('closed by the server'));
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Throws TLibError when the message cannot be encoded, ClientError NOT_OPEN
   * when closed, SEND_QUEUE_FULL when the bytes the server has not taken
   * would pass `maxQueuedBytes` (the first refusal of a stall also goes to
   * the `stalled` handler, so the application hears of it once).
   */
  send(message: Message, maxQueuedBytes = Infinity): void {
    if (this.isClosed) throw new ClientError('NOT_OPEN', `the connection to ${this.endpoint.name} is closed`, { server: this.endpoint.name });
    const frame = encode(message);
    if (this.socket.writableLength + frame.length > maxQueuedBytes) {
      const error = new ClientError('SEND_QUEUE_FULL', `${this.endpoint.name} is not reading: ${this.socket.writableLength} bytes wait to be written (maxQueuedBytes ${maxQueuedBytes}); ${message.Event} was not sent`, { server: this.endpoint.name });
      if (!this.stalled) {
        this.stalled = true;
        this.socket.once('drain', () => (this.stalled = false));
        this.handlers.stalled?.(this, error);
      }
      throw error;
    }
    this.socket.write(frame);
  }

  close(reason: string): void {
    if (this.isClosed) return;
    this.socket.end();
    setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
    this.finish(reason);
  }

  private receive(chunk: Buffer, limits: Partial<Limits> | undefined): void {
    if (this.isClosed) return;
    try {
      // The frames before an oversize length prefix are whole: deliver them, then report the prefix.
      for (const frame of this.decoder.push(chunk)) {
        const message = decode(frame, { limits });
        message.Server = this.endpoint.name;
        this.handlers.message(this, message);
        if (this.isClosed) return;
      }
      if (this.decoder.error) throw this.decoder.error;
    } catch (error) {
      if (!isTLibError(error)) throw error;
      const reason = `malformed frame from ${this.endpoint.name}: ${error.message} (${error.code})`;
      this.handlers.malformed(this, new ClientError('MALFORMED_FRAME', reason, { server: this.endpoint.name, cause: error }));
      this.close(reason);
    }
  }

  private finish(reason: string): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.handlers.closed(this, reason);
  }
}
