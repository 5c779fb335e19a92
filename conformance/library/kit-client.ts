/**
 * The kit as another application on the pair: a raw connection straight to
 * the simulator (not through the fronts, so it is not the library's traffic)
 * that sends user events on a DN, the traffic a switchover must not lose.
 */
import { connect, type Socket } from 'node:net';
import { decode } from '../../src/codec/decode.js';
import { encode } from '../../src/codec/encode.js';
import { FrameDecoder } from '../../src/wire/frame-decoder.js';
import type { Message } from '../../src/codec/types.js';
import { targetError } from '../model/failure.js';
import type { HostPort } from './forms.js';

export class KitClient {
  private readonly decoder = new FrameDecoder();
  private readonly waiting = new Map<number, (m: Message) => void>();
  private nextRef = 1;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const frame of this.decoder.push(chunk)) {
        const m = decode(frame);
        const ref = m.ReferenceID;
        if (typeof ref === 'number') this.waiting.get(ref)?.(m);
      }
    });
    socket.on('error', () => {});
  }

  static async open(at: HostPort, password: string | undefined, timeoutMs: number): Promise<KitClient> {
    const socket = connect(at.port, at.host);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new KitClient(socket);
    const request: Message = { Event: 'RequestRegisterClient', ApplicationName: 'tlib-kit-traffic' };
    if (password !== undefined) request.ApplicationPassword = password;
    await client.call(request, 'EventServerConnected', timeoutMs);
    return client;
  }

  /** Sends and waits for the answer carrying the request's ReferenceID. */
  call(request: Message, answer: string, timeoutMs: number): Promise<Message> {
    const ref = this.nextRef++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(ref);
        reject(targetError(`the kit's simulator did not answer ${request.Event} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(ref, (m) => {
        clearTimeout(timer);
        this.waiting.delete(ref);
        if (m.Event === answer) resolve(m);
        else reject(targetError(`the kit's simulator answered ${request.Event} with ${m.Event}`));
      });
      this.socket.write(encode({ ...request, ReferenceID: ref } as Message));
    });
  }

  /** Writes a user event without waiting: the simulator serves it in arrival order. */
  sendUserEvent(dn: string, marker: string, timeoutMs: number): Promise<Message> {
    return this.call({ Event: 'RequestDistributeUserEvent', ThisDN: dn, UserData: [[TRAFFIC_KEY, marker]] } as Message, 'EventACK', timeoutMs);
  }

  close(): void {
    this.socket.destroy();
  }
}

export const TRAFFIC_KEY = 'tlib-kit-traffic';
