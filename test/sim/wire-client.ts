/**
 * A bare T-Library wire client for tests: connect over TCP, send messages,
 * collect every decoded message, wait for one that matches. No client
 * library logic at all, so tests see exactly what the server sent.
 */
import { connect, type Socket } from 'node:net';
import { decode, encode, FrameDecoder, type Message } from '../../src/index.js';
import { Arrivals } from '../helpers/arrivals.js';

export interface WireClient {
  /** Every message received so far, in order. */
  readonly messages: Message[];
  readonly socket: Socket;
  send(message: Message): void;
  /** Raw bytes, e.g. garbage. */
  sendRaw(bytes: Uint8Array): void;
  /** The first message (at or after index `from`) matching, waiting up to timeoutMs. */
  waitFor(predicate: (m: Message) => boolean, timeoutMs?: number, from?: number): Promise<Message>;
  /** Resolves once the server has closed the connection. */
  closed: Promise<void>;
  close(): void;
}

export async function connectWire(port: number, host = '127.0.0.1'): Promise<WireClient> {
  const socket = connect({ port, host });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.setNoDelay(true);
  const arrivals = new Arrivals<Message>((seen, timeoutMs) => {
    const events = seen.map((m) => m.Event).join(', ') || 'nothing';
    return `no matching message within ${timeoutMs} ms; received: ${events}`;
  });
  const frames = new FrameDecoder();
  socket.on('data', (chunk: Buffer) => {
    for (const f of frames.push(chunk)) arrivals.push(decode(f));
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));

  return {
    messages: arrivals.items,
    socket,
    send: (m) => socket.write(encode(m, { allowObsolete: true })),
    sendRaw: (bytes) => socket.write(bytes),
    waitFor: (predicate, timeoutMs, from) => arrivals.waitFor(predicate, timeoutMs, from),
    closed,
    close: () => socket.destroy(),
  };
}

let nextReference = 1000;

/** A fresh ReferenceID, unique within the test process. */
export function refId(): number {
  return nextReference++;
}

/** Connect, RequestRegisterClient and wait for EventServerConnected. */
export async function connectRegistered(port: number, name = 'test-app', password?: string): Promise<WireClient> {
  const c = await connectWire(port);
  const ReferenceID = refId();
  c.send({ Event: 'RequestRegisterClient', ReferenceID, ApplicationName: name, ...(password === undefined ? {} : { ApplicationPassword: password }) });
  await c.waitFor((m) => m.Event === 'EventServerConnected' && m.ReferenceID === ReferenceID);
  return c;
}

/** Register on a DN and wait for EventRegistered. */
export async function registerDn(c: WireClient, dn: string): Promise<void> {
  const ReferenceID = refId();
  c.send({ Event: 'RequestRegisterAddress', ReferenceID, ThisDN: dn, RegisterMode: 0 });
  await c.waitFor((m) => m.Event === 'EventRegistered' && m.ReferenceID === ReferenceID);
}

/** Send a request with a fresh ReferenceID and wait for the answer carrying it. */
export async function request(c: WireClient, message: Omit<Message, 'ReferenceID'>, timeoutMs?: number): Promise<Message> {
  const ReferenceID = refId();
  const from = c.messages.length;
  c.send({ ...message, ReferenceID } as Message);
  return c.waitFor((m) => m.ReferenceID === ReferenceID, timeoutMs, from);
}

/**
 * Wait until the server has processed everything sent to it before this
 * call, and until everything it wrote to this client before that has
 * arrived: a request answered in order on the same connection is the fence.
 * Deterministic, unlike sleeping, for "nothing more arrives" checks.
 */
export async function barrier(c: WireClient): Promise<void> {
  await request(c, { Event: 'RequestQueryAddress', ThisDN: 'barrier' });
}

/** Whether `c` has received an `event`, once everything the server sent it before now has arrived. */
export async function heard(c: WireClient, event: string): Promise<boolean> {
  await barrier(c);
  return c.messages.some((m) => m.Event === event);
}

/** Send a request with a fresh ReferenceID and wait for the first `event` after it, whatever its ReferenceID. */
export async function ask(c: WireClient, message: Omit<Message, 'ReferenceID'>, event: string): Promise<Message> {
  const from = c.messages.length;
  c.send({ ...message, ReferenceID: refId() } as Message);
  return c.waitFor((m) => m.Event === event, undefined, from);
}
