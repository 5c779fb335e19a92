/**
 * A bare test client for the vendor pair: a socket, the codec, and a log of
 * every event received, in order. No client library: the tests see the raw
 * wire.
 */
import { connect, type Socket } from 'node:net';
import { encode, decode, FrameDecoder, type Message } from '../../src/index.js';
import type { Endpoint } from './pair.js';

export class WireClient {
  readonly received: Message[] = [];
  /** Number of socket reads that carried frames, to see how the server writes. */
  reads = 0;
  private waiters: Array<() => void> = [];
  private nextReference = 100;

  private constructor(private readonly socket: Socket) {
    const decoder = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      const frames = decoder.push(chunk);
      if (frames.length > 0) this.reads++;
      for (const frame of frames) this.received.push(decode(frame));
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('error', () => undefined);
  }

  static async open(endpoint: Endpoint): Promise<WireClient> {
    const socket = connect(endpoint.port, endpoint.host);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    return new WireClient(socket);
  }

  /** Opens and registers; resolves with EventServerConnected. */
  static async registered(endpoint: Endpoint, name = 'test-app'): Promise<WireClient> {
    const client = await WireClient.open(endpoint);
    await client.request({ Event: 'RequestRegisterClient', ApplicationName: name }, 'EventServerConnected');
    return client;
  }

  send(message: Message): number {
    const ReferenceID = typeof message.ReferenceID === 'number' ? message.ReferenceID : this.nextReference++;
    this.socket.write(encode({ ...message, ReferenceID }));
    return ReferenceID;
  }

  sendRaw(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  /** Sends and waits for the first event `Event` (or EventError) carrying the request's ReferenceID. */
  async request(message: Message, Event: string): Promise<Message> {
    const from = this.received.length;
    const id = this.send(message);
    const answer = await this.waitFor((m) => (m.Event === Event || m.Event === 'EventError') && m.ReferenceID === id, from);
    return answer;
  }

  async register(dn: string): Promise<void> {
    const answer = await this.request({ Event: 'RequestRegisterAddress', ThisDN: dn }, 'EventRegistered');
    if (answer.Event !== 'EventRegistered') throw new Error(`registering ${dn} failed: ${JSON.stringify(answer)}`);
  }

  /** The first event from index `from` on that matches; rejects after `ms`. */
  waitFor(match: (m: Message) => boolean, from = 0, ms = 3000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no matching event within ${ms} ms; received: ${this.received.map((m) => m.Event).join(', ')}`));
      }, ms);
      const check = () => {
        const found = this.received.slice(from).find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  of(Event: string): Message[] {
    return this.received.filter((m) => m.Event === Event);
  }

  close(): void {
    this.socket.destroy();
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
