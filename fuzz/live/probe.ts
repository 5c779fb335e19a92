/**
 * One client of the live-server property: its socket, every message it
 * received in order, and the requests it sent by ReferenceID. Every message
 * is judged as it arrives by the conformance rules (its table, the rules of
 * the request it answers, no obsolete event): the first broken rule, or a
 * frame that does not decode, is this client's failure.
 */
import { connect, type Socket } from 'node:net';
import { decode, FrameDecoder, type Message } from '../../src/index.js';
import type { Address } from './target.js';

interface Received {
  message: Message;
  refId: number | undefined;
}

/** The rules every received message is held to; returns what it broke, in words, or undefined. */
export type ReceivedJudge = (message: Message, request: Message | undefined) => string | undefined;

export class Probe {
  readonly inbox: Received[] = [];
  /** This client's own requests by ReferenceID (unique across the run's clients), with the inbox position each was sent at. */
  readonly sent = new Map<number, { request: Message | undefined; at: number }>();
  closed = false;
  closeReason = '';
  failure: string | undefined;
  private readonly frames = new FrameDecoder();
  private waiters = new Set<() => void>();

  private constructor(
    readonly index: number,
    private readonly socket: Socket,
    private readonly judge: ReceivedJudge,
  ) {
    socket.on('data', (chunk: Buffer) => this.take(chunk));
    socket.on('error', (e) => {
      this.closeReason ||= e.message;
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static open(index: number, at: Address, judge: ReceivedJudge): Promise<Probe> {
    return new Promise((resolve, reject) => {
      const s = connect({ host: at.host, port: at.port }, () => resolve(new Probe(index, s, judge)));
      s.once('error', reject);
    });
  }

  private take(chunk: Buffer): void {
    try {
      for (const frame of this.frames.push(chunk)) {
        const message = decode(frame);
        const refId = typeof message.ReferenceID === 'number' ? message.ReferenceID : undefined;
        this.inbox.push({ message, refId });
        const broken = this.judge(message, refId === undefined ? undefined : this.sent.get(refId)?.request);
        if (broken) this.fail(`client ${this.index} received ${broken}`);
      }
    } catch (e) {
      this.fail(`client ${this.index} got a frame it cannot decode: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.wake();
  }

  private fail(why: string): void {
    this.failure ??= why;
  }

  private wake(): void {
    for (const w of this.waiters) w();
  }

  /** Sends a request; `request` is the message the frame carries, for judging its answers. */
  send(frame: Uint8Array, refId: number, request: Message): void {
    this.sent.set(refId, { request, at: this.inbox.length });
    if (!this.closed) this.socket.write(frame);
  }

  /**
   * Sends a damaged frame. It may carry any ReferenceID, an earlier
   * request's included, so from now on no earlier request is taken to be
   * what an answer under its ReferenceID answers.
   */
  sendGarbage(frame: Uint8Array): void {
    for (const [refId, s] of this.sent) this.sent.set(refId, { request: undefined, at: s.at });
    if (!this.closed) this.socket.write(frame);
  }

  /** What arrived under `refId` since the request was sent. */
  under(refId: number): Message[] {
    const at = this.sent.get(refId)?.at ?? this.inbox.length;
    return this.inbox.slice(at).filter((r) => r.refId === refId).map((r) => r.message);
  }

  /**
   * Resolves once `done()` holds (true) or the connection closed (false);
   * rejects after `ms` with `what`. Re-checked on every message received.
   */
  until(done: () => boolean, ms: number, what: () => string): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      const check = () => {
        if (done() || this.closed) finish(() => resolve(done()));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(what()))), ms);
      const finish = (then: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        then();
      };
      this.waiters.add(check);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
