/**
 * One client connection: framing, decoding, the per-client limits and the
 * send queue. Whatever a client sends, the worst it can cause is its own
 * EventError or its own disconnection with a logged reason; it never throws
 * out of here into the server that serves everyone else.
 */
import type { Socket } from 'node:net';
import { decode, FrameDecoder, isTLibError, type Message } from '../index.js';
import { errorEvent, encodeEvent } from './events.js';
import type { SimErrorName } from './error-codes.js';
import type { SimLimits } from './limits.js';
import type { ServerId } from './pair-state.js';
import type { PendingBudget } from './pending-budget.js';
import { nowOn, type Scheduler } from './scheduler.js';
import { writeBatched } from './write-batch.js';

interface SessionHooks {
  onMessage(session: Session, message: Message): void;
  onClose(session: Session): void;
  log(line: string): void;
  /** The server-wide budget of incomplete frames (SimLimits.maxPendingBytes). */
  pending: PendingBudget;
  /** The clock of this connection's deadlines and rates. */
  scheduler: Scheduler;
}

let nextSessionId = 1;

/** How long a refused peer has to read its last EventError before the connection is cut. */
const REFUSE_GRACE_MS = 2000;
/** Undecodable frames after the first are logged as one line per this interval, with their count. */
const BAD_FRAME_LOG_MS = 5000;

export class Session {
  readonly id = nextSessionId++;
  readonly label: string;
  /** RequestRegisterClient accepted. */
  registered = false;
  applicationName: string | undefined;
  /** DNs this client registered with RequestRegisterAddress. */
  readonly dns = new Set<string>();
  /** UTF-8 bytes of the names in `dns`. */
  dnBytes = 0;
  private readonly decoder: FrameDecoder;
  private open = true;
  private tokens: number;
  private refilledAt: number;
  /** When the peer last sent or was sent anything (idleTimeoutMs). */
  private activeAt: number;
  /** Bytes of the incomplete frame, as counted in the server's PendingBudget. */
  private held = 0;
  /** The stream offset of the incomplete frame the deadline timer is for. */
  private partialAt = -1;
  /** Bumped when the frame deadline stops or moves on: a deadline of an older value has nothing left to do. */
  private frameDeadline = 0;
  /** Cancels the timers still pending (register deadline, frame deadline, idle check), so a closed session is not kept by them. */
  private readonly cancels = new Map<'register' | 'frame' | 'idle', () => void>();
  private badFrames = 0;
  /** Undecodable frames not logged yet (aggregated into the next report). */
  private unloggedBad = 0;
  private badLoggedAt = 0;

  constructor(
    private readonly socket: Socket,
    readonly server: ServerId,
    private readonly limits: SimLimits,
    private readonly hooks: SessionHooks,
  ) {
    this.label = `${server}#${this.id} ${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    this.decoder = new FrameDecoder({ maxFrameBytes: limits.maxFrameBytes });
    this.tokens = limits.maxRequestsPerSecond;
    this.refilledAt = this.activeAt = this.now();
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.onEnd());
    socket.on('error', (err) => this.drop(`socket error: ${err.message}`));
    socket.on('close', () => this.finish());
    if (limits.idleTimeoutMs > 0) this.idleCheck(limits.idleTimeoutMs);
    this.timer('register', limits.registerTimeoutMs, () => {
      if (!this.registered) this.drop(`no RequestRegisterClient within ${limits.registerTimeoutMs} ms`);
    });
  }

  private timer(kind: 'register' | 'frame' | 'idle', ms: number, fn: () => void): void {
    this.cancels.get(kind)?.();
    const cancel = this.hooks.scheduler.after(ms, fn);
    if (cancel) this.cancels.set(kind, cancel);
    else this.cancels.delete(kind);
  }

  private cancel(kind: 'register' | 'frame' | 'idle'): void {
    this.cancels.get(kind)?.();
    this.cancels.delete(kind);
  }

  private now(): number {
    return nowOn(this.hooks.scheduler);
  }

  /** Closes the connection once nothing has gone either way for idleTimeoutMs; one check pending at a time, moved on by traffic. */
  private idleCheck(ms: number): void {
    this.timer('idle', ms, () => {
      if (!this.open) return;
      const idle = this.limits.idleTimeoutMs;
      const quiet = this.now() - this.activeAt;
      if (quiet >= idle) this.drop(`idle for ${idle} ms`);
      else this.idleCheck(idle - quiet);
    });
  }

  get isOpen(): boolean {
    return this.open;
  }

  markRegistered(applicationName: string | undefined): void {
    this.registered = true;
    this.applicationName = applicationName;
    this.cancel('register');
  }

  /** Queue bytes already encoded (the same bytes may go to many sessions). */
  send(bytes: Uint8Array): void {
    if (!this.open) return;
    this.write(bytes);
  }

  /** Counts a wrong ApplicationPassword on this connection; returns how many so far. */
  passwordFailed(): number {
    return ++this.passwordFailures;
  }

  private passwordFailures = 0;

  private write(bytes: Uint8Array): void {
    this.activeAt = this.now();
    writeBatched(this.socket, bytes);
    if (this.socket.writableLength > this.limits.maxQueuedBytes) {
      this.drop(`slow reader: send queue above ${this.limits.maxQueuedBytes} bytes`);
    }
  }

  sendMessage(message: Message): void {
    this.send(encodeEvent(message));
  }

  /** Answer with a last EventError, then close once it is written (or after a grace period, for a peer that never reads). */
  refuse(kind: SimErrorName, detail: string, referenceId?: number): void {
    if (!this.open) return;
    this.sendMessage(errorEvent(kind, detail, referenceId));
    this.hooks.log(`${this.label} closed: ${detail}`);
    this.open = false;
    this.socket.end();
    this.hooks.scheduler.after(REFUSE_GRACE_MS, () => this.socket.destroy());
  }

  /** Close at once, dropping anything queued. */
  drop(reason: string): void {
    if (!this.open) return;
    this.hooks.log(`${this.label} closed: ${reason}`);
    this.open = false;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (!this.open) return;
    this.activeAt = this.now();
    let frames: Uint8Array[];
    try {
      frames = this.decoder.push(chunk);
    } catch (e) {
      // The length prefix is the only framing there is: past an oversize one the stream cannot be resynchronised.
      this.refuse('FRAME_TOO_LARGE', describe(e));
      return;
    }
    // The frames before an oversize prefix are served first: the client wrote them whole.
    for (const frame of frames) {
      if (!this.open) return;
      if (!this.takeToken()) {
        this.refuse('REQUEST_FLOOD', `more than ${this.limits.maxRequestsPerSecond} requests per second`);
        return;
      }
      this.onFrame(frame);
    }
    if (!this.open) return;
    if (this.decoder.error) this.refuse('FRAME_TOO_LARGE', describe(this.decoder.error));
    else this.trackPartial();
  }

  /** Holds the incomplete frame (if any) to the frame deadline and to the server's budget of pending bytes. */
  private trackPartial(): void {
    const held = this.decoder.pending;
    const before = this.held;
    this.held = held;
    if (!this.hooks.pending.update(before, held)) {
      this.drop(`incomplete frames of all connections above maxPendingBytes (${this.hooks.pending.limit} bytes); this one held ${held}`);
      return;
    }
    if (held === 0) {
      this.stopFrameTimer();
      return;
    }
    const at = this.decoder.pendingOffset;
    if (at === this.partialAt) return;
    this.stopFrameTimer();
    this.partialAt = at;
    const ms = this.limits.frameTimeoutMs;
    const deadline = this.frameDeadline;
    this.timer('frame', ms, () => {
      if (deadline === this.frameDeadline) this.drop(`a frame not complete ${ms} ms after its first byte (${this.decoder.pending} bytes of it held)`);
    });
  }

  private stopFrameTimer(): void {
    this.cancel('frame');
    this.frameDeadline++;
    this.partialAt = -1;
  }

  private onFrame(frame: Uint8Array): void {
    let message: Message;
    try {
      message = decode(frame, { limits: { maxFrameBytes: this.limits.maxFrameBytes } });
    } catch (e) {
      this.onBadFrame(e);
      return;
    }
    this.hooks.onMessage(this, message);
  }

  /**
   * The frame boundary is known, so the connection stays usable: answer and
   * go on, up to maxBadFrames. The log gets the first one and then one line
   * per BAD_FRAME_LOG_MS with a count, so a peer cannot fill it.
   */
  private onBadFrame(e: unknown): void {
    this.badFrames++;
    if (this.badFrames > this.limits.maxBadFrames) {
      this.refuse('MALFORMED_MESSAGE', `${this.badFrames} undecodable frames, more than maxBadFrames (${this.limits.maxBadFrames})${this.unloggedBad ? `; ${this.unloggedBad} not logged one by one` : ''}; last: ${describe(e)}`);
      return;
    }
    const now = this.now();
    if (this.badFrames === 1 || now - this.badLoggedAt >= BAD_FRAME_LOG_MS) {
      const more = this.unloggedBad ? ` (and ${this.unloggedBad} more since the last report)` : '';
      this.hooks.log(`${this.label} undecodable frame #${this.badFrames}${more}: ${describe(e)}`);
      this.badLoggedAt = now;
      this.unloggedBad = 0;
    } else this.unloggedBad++;
    this.sendMessage(errorEvent('MALFORMED_MESSAGE', describe(e), undefined));
  }

  private onEnd(): void {
    try {
      if (!this.decoder.error) this.decoder.end();
    } catch (e) {
      this.hooks.log(`${this.label} truncated frame at close: ${describe(e)}`);
    }
    if (this.open) {
      this.open = false;
      this.socket.end();
    }
  }

  private finish(): void {
    this.open = false;
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
    this.stopFrameTimer();
    this.hooks.pending.update(this.held, 0);
    this.held = 0;
    this.hooks.onClose(this);
  }

  private takeToken(): boolean {
    const t = this.now();
    const rate = this.limits.maxRequestsPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((t - this.refilledAt) * rate) / 1000);
    this.refilledAt = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

function describe(e: unknown): string {
  if (isTLibError(e)) return `${e.code}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}
