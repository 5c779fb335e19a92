/**
 * What one session has received, with expect / expectNone over it. Shared by
 * raw wire clients and application views so both fail the same way.
 */
import type { Message } from '../../src/codec/types.js';
import { stepTimeout, targetError, violation, type ConformanceError } from '../model/failure.js';
import type { WireRecord } from '../report/report-model.js';
import type { Expectation, Receiver } from '../model/scenario.js';

interface Entry {
  message: Message;
  record: WireRecord;
  consumed: boolean;
}

interface Waiter {
  e: Expectation;
  resolve: (entry: Entry) => void;
  reject: (error: Error) => void;
}

/**
 * Messages one session keeps in a scenario, by count and by the bytes of
 * the frames they came in (a decoded message takes a multiple of those). A
 * target that sends more is streaming without pause: the session is closed
 * (see `overflow`) rather than let it grow the runner's memory without bound.
 */
export const MAX_INBOX = 2_000;
export const MAX_INBOX_BYTES = 4 * 1024 * 1024;

export class Inbox implements Receiver {
  private readonly entries: Entry[] = [];
  private readonly waiters = new Set<Waiter>();
  private closedReason: string | undefined;
  /** The first received message that broke a rule of the reference: every later expect fails with it. */
  private failure: ConformanceError | undefined;
  private readonly closeListeners = new Set<(reason: string) => void>();
  private keptBytes = 0;

  constructor(
    readonly name: string,
    private readonly defaultTimeoutMs: number,
    private readonly defaultQuietMs: number,
    /** Records a wait that timed out in the exchange, so the diagram shows where and how long. */
    private readonly recordWait?: (text: string, waitedMs: number) => WireRecord,
  ) {}

  get received(): readonly Message[] {
    return this.entries.map((x) => x.message);
  }

  /** The peer went away or the session was closed for streaming without pause. */
  get isClosed(): boolean {
    return this.closedReason !== undefined;
  }

  /** Every received message with the exchange record that carried it. */
  get log(): ReadonlyArray<{ message: Message; record: WireRecord }> {
    return this.entries;
  }

  /** `frameBytes`: the size of the frame it came in (0 for an application event, which has none). Whether a waiting step took it. */
  deliver(message: Message, record: WireRecord, frameBytes = 0): boolean {
    if (this.entries.length >= MAX_INBOX || this.keptBytes + frameBytes > MAX_INBOX_BYTES) {
      const what = this.entries.length >= MAX_INBOX ? `more than ${MAX_INBOX} messages` : `more than ${MAX_INBOX_BYTES} bytes of messages`;
      if (this.closedReason === undefined) this.overflow(`the target sent ${this.name} ${what} in one scenario`);
      return false;
    }
    this.keptBytes += frameBytes;
    const entry: Entry = { message, record, consumed: false };
    this.entries.push(entry);
    for (const w of this.waiters) {
      if (w.e.match(message)) {
        entry.consumed = true;
        this.waiters.delete(w);
        w.resolve(entry);
        return true;
      }
    }
    return false;
  }

  /** A step is waiting on this session now. */
  protected get waiting(): boolean {
    return this.waiters.size > 0;
  }

  /**
   * A received message broke a rule: the scenario fails with it, whatever it
   * was waiting for, so the verdict names the rule and not a later timeout.
   */
  broken(error: ConformanceError): void {
    if (this.failure) return;
    this.failure = error;
    for (const w of [...this.waiters]) w.reject(error);
  }

  /** The violation a received message carried, if any (checked once the scenario's steps are done). */
  get violation(): ConformanceError | undefined {
    return this.failure;
  }

  /** Past MAX_INBOX: stop listening. A wire client also closes its connection. */
  protected overflow(reason: string): void {
    this.closed(reason);
  }

  /** The peer went away: pending and later expects fail at once instead of waiting out their timeout. */
  closed(reason: string): void {
    this.closedReason ??= reason;
    for (const l of this.closeListeners) l(reason);
  }

  recordOf(message: Message): WireRecord | undefined {
    return this.entries.find((x) => x.message === message)?.record;
  }

  expect(e: Expectation, timeoutMs = this.defaultTimeoutMs): Promise<Message> {
    if (this.failure) return Promise.reject(this.failure);
    const ready = this.entries.find((x) => !x.consumed && e.match(x.message));
    if (ready) {
      ready.consumed = true;
      return Promise.resolve(ready.message);
    }
    if (this.closedReason !== undefined) return Promise.reject(this.lost(e));
    const started = performance.now();
    return new Promise<Message>((resolve, reject) => {
      const waiter: Waiter = {
        e,
        resolve: (entry) => {
          done();
          resolve(entry.message);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
      const onClose = (): void => {
        done();
        reject(this.lost(e));
      };
      const timer = setTimeout(() => {
        done();
        const waited = Math.round((performance.now() - started) * 10) / 10;
        const record = this.recordWait?.(`${this.name} waited ${timeoutMs} ms for ${e.what}; nothing matching came`, waited);
        reject(stepTimeout(e.what, timeoutMs, this.name, record, e.sentence));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        this.closeListeners.delete(onClose);
      };
      this.waiters.add(waiter);
      this.closeListeners.add(onClose);
    });
  }

  /**
   * Fails if a message matching `e` has arrived by the time `caughtUp`
   * settles. The default waits a quiet window; a wire client replaces it
   * with a round trip on its own connection, which bounds the window by
   * what the server sent, not by time.
   */
  async expectNone(e: Expectation, windowMs = this.defaultQuietMs, sentence?: string): Promise<void> {
    if (!this.offender(e)) await this.caughtUp(windowMs);
    const found = this.offender(e);
    if (found) {
      found.record.violation = true;
      throw violation(`${this.name} received ${found.message.Event}, which it must not`, `no ${e.what} for ${this.name}`, describe(found.message), found.record, sentence);
    }
  }

  protected caughtUp(windowMs: number): Promise<void> {
    return new Promise((r) => setTimeout(r, windowMs));
  }

  private offender(e: Expectation): Entry | undefined {
    return this.entries.find((x) => e.match(x.message));
  }

  private lost(e: Expectation): Error {
    return targetError(`${this.name}: connection closed (${this.closedReason}) while waiting for ${e.what}`);
  }
}

/** A one-line description of a message for Expected/Actual text. */
export function describe(m: Message): string {
  const parts = Object.entries(m)
    .filter(([k]) => k !== 'Event' && k !== 'time' && k !== 'Server')
    .map(([k, v]) => `${k}=${short(v)}`);
  return parts.length ? `${m.Event} (${parts.join(', ')})` : m.Event;
}

function short(v: unknown): string {
  const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? `<${x.length} bytes>` : x));
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
