/**
 * A scripted T-Server for client tests: it answers registration by default
 * and lets a test decide every other answer, send anything (including raw
 * garbage) and drop connections, which the simulator cannot do on demand.
 */
import net from 'node:net';
import { decode, encode, FrameDecoder, type Message } from '../../src/index.js';
import { Arrivals } from '../helpers/arrivals.js';

export interface FakeConnection {
  send(message: Message): void;
  sendRaw(bytes: Uint8Array): void;
  destroy(): void;
  readonly closed: Promise<void>;
}

/** Returns the answers to a request; undefined means "use the default" (registration only). */
export type Responder = (request: Message, connection: FakeConnection) => Message[] | undefined;

export interface FakeServerOptions {
  password?: string;
  respond?: Responder;
}

export interface FakeServer {
  readonly port: number;
  /** "127.0.0.1:port", the client's `Server` value for this server. */
  readonly name: string;
  readonly received: Message[];
  readonly connections: FakeConnection[];
  respond: Responder | undefined;
  /** Resolves with the first request (from index `from`) matching. */
  waitFor(predicate: (m: Message) => boolean, timeoutMs?: number, from?: number): Promise<Message>;
  close(): Promise<void>;
}

const time = () => ({ seconds: Math.floor(Date.now() / 1000), microseconds: 0 });

export function event(name: Message['Event'], attrs: Partial<Message> = {}): Message {
  return { ...attrs, Event: name, time: time() } as Message;
}

/** A primary's answer to RequestRegisterClient: EventServerConnected, then EventRestoreConnection ServerRole 0 naming `backup`. */
export function namingBackup(backup: { port: number }): Responder {
  return (request) =>
    request.Event === 'RequestRegisterClient'
      ? [event('EventServerConnected', { ReferenceID: request.ReferenceID }), event('EventRestoreConnection', { ServerRole: 0, UserData: [['backup_host', '127.0.0.1'], ['backup_port', backup.port]] })]
      : undefined;
}

function defaultAnswer(request: Message, password: string | undefined): Message[] {
  const ReferenceID = request.ReferenceID;
  if (request.Event === 'RequestRegisterClient') {
    if (password !== undefined && request.ApplicationPassword !== password) {
      return [event('EventError', { ReferenceID, ErrorCode: 1, ErrorMessage: 'bad password' })];
    }
    return [event('EventServerConnected', { ReferenceID })];
  }
  if (request.Event === 'RequestRegisterAddress') return [event('EventRegistered', { ReferenceID, ThisDN: request.ThisDN })];
  if (request.Event === 'RequestQueryLocation') return [event('EventLocationInfo', { ReferenceID })];
  if (request.Event === 'RequestQueryAddress') return [event('EventAddressInfo', { ReferenceID, ThisDN: request.ThisDN })];
  return [];
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const received = new Arrivals<Message>((seen, timeoutMs) => {
    return `fake server ${port}: no matching request in ${timeoutMs} ms; got ${seen.map((m) => m.Event).join(', ')}`;
  });
  const connections: FakeConnection[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => (sockets.delete(socket), resolve())));
    const connection: FakeConnection = {
      send: (m) => socket.write(encode(m)),
      sendRaw: (bytes) => socket.write(bytes),
      destroy: () => socket.destroy(),
      closed,
    };
    connections.push(connection);
    const frames = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      for (const frame of frames.push(chunk)) {
        const request = decode(frame);
        received.push(request);
        const answers = fake.respond?.(request, connection) ?? defaultAnswer(request, options.password);
        for (const answer of answers) connection.send(answer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  const fake: FakeServer = {
    port,
    name: `127.0.0.1:${port}`,
    received: received.items,
    connections,
    respond: options.respond,
    waitFor: (predicate, timeoutMs, from) => received.waitFor(predicate, timeoutMs, from),
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** A loopback port nothing listens on (bound, then released). */
export async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
