/**
 * One client connection: frames in through the codec's FrameDecoder, frames
 * out one socket write each, with a pause between writes (a vendor server
 * that flushes per event, so the runner sees every chunking).
 */
import type { Socket } from 'node:net';
import { encode, decode, FrameDecoder, type Message } from '../../src/index.js';

export type Role = 'primary' | 'backup';

export class Connection {
  /** DNs this client registered (TRegisterAddress), in order. */
  readonly dns = new Set<string>();
  /** Set by RequestRegisterClient. */
  applicationName: string | undefined;
  private readonly decoder = new FrameDecoder();
  private readonly queue: Uint8Array[] = [];
  private pumping = false;
  private idle: Array<() => void> = [];
  private closed = false;

  constructor(
    readonly id: number,
    readonly serverName: string,
    private readonly socket: Socket,
    private readonly writeGapMs: number,
    private readonly onMessage: (conn: Connection, message: Message) => void,
    private readonly onBadFrame: (conn: Connection, problem: string) => void,
    private readonly onGone: (conn: Connection, reason: string) => void,
    /** Adds what this server writes on every event (sequence number, start time). */
    private readonly stamp: (message: Message) => Message = (m) => m,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (err) => this.close(`socket error: ${err.message}`));
    socket.on('close', () => this.close('peer closed'));
  }

  get registered(): boolean {
    return this.applicationName !== undefined;
  }

  /** Queues one event; it is encoded now so a bad event fails at its origin. */
  send(message: Message, options?: { allowObsolete: boolean }): void {
    if (this.closed) return;
    this.queue.push(encode(this.stamp(message), options));
    this.pump();
  }

  /** Resolves when everything queued so far has been handed to the socket. */
  flushed(): Promise<void> {
    if (!this.pumping && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.socket.destroy();
    for (const wake of this.idle.splice(0)) wake();
    this.onGone(this, reason);
  }

  private receive(chunk: Buffer): void {
    let frames: Uint8Array[];
    try {
      frames = this.decoder.push(chunk);
    } catch (err) {
      // Framing is lost after FRAME_TOO_LARGE: nothing later can be trusted.
      this.close(`unreadable stream: ${(err as Error).message}`);
      return;
    }
    for (const frame of frames) {
      let message: Message;
      try {
        message = decode(frame);
      } catch (err) {
        this.onBadFrame(this, (err as Error).message);
        continue;
      }
      this.onMessage(this, message);
    }
  }

  private pump(): void {
    if (this.pumping) return;
    const next = this.queue.shift();
    if (next === undefined) {
      for (const wake of this.idle.splice(0)) wake();
      return;
    }
    this.pumping = true;
    this.socket.write(next, () => {
      setTimeout(() => {
        this.pumping = false;
        this.pump();
      }, this.writeGapMs);
    });
  }
}
