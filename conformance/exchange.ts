/**
 * The message exchange of one scenario run: every frame sent and received,
 * in order, so a failure always comes with what led to it. A target that
 * streams without pause must not fill the runner's memory or the reports,
 * so what one scenario keeps is capped (EXCHANGE_CAPS): the first records,
 * the last ones, and a note saying how many were left out between them.
 */
import { toJSON, type Message } from '../src/index.js';
import { bytesToHex } from '../src/codec/json.js';
import type { WireRecord } from './report-model.js';

export type RecordListener = (r: WireRecord, scenarioId: string) => void;

export const EXCHANGE_CAPS = Object.freeze({
  /** Records kept from the start of a scenario. */
  head: 300,
  /** Records kept from its end (a ring: the latest ones). */
  tail: 100,
  /** Bytes of one frame kept as hex; a larger frame keeps its start and only its Event. */
  frameBytes: 16 * 1024,
});

export interface Truncation {
  /** Records left out between the first EXCHANGE_CAPS.head and the last EXCHANGE_CAPS.tail. */
  records: number;
  /** Frame bytes those records carried. */
  frameBytes: number;
}

export class Exchange {
  private readonly head: WireRecord[] = [];
  private readonly tail: WireRecord[] = [];
  private readonly tailBytes: number[] = [];
  private readonly cut: Truncation = { records: 0, frameBytes: 0 };
  private readonly started = performance.now();

  constructor(
    private readonly scenarioId: string,
    private readonly listener?: RecordListener,
  ) {}

  /** What is kept, in order; a note stands where records were left out. */
  get records(): WireRecord[] {
    if (this.cut.records === 0) return [...this.head, ...this.tail];
    const { head, tail } = EXCHANGE_CAPS;
    const text = `${this.cut.records} records (${this.cut.frameBytes} frame bytes) left out here: a scenario keeps its first ${head} and last ${tail} records`;
    return [...this.head, { t: this.tail[0]?.t ?? 0, dir: 'note', actor: 'runner', peer: 'runner', text }, ...this.tail];
  }

  /** Undefined while nothing was left out. */
  get truncated(): Truncation | undefined {
    return this.cut.records ? { ...this.cut } : undefined;
  }

  private push(r: WireRecord, bytes = 0): WireRecord {
    if (this.head.length < EXCHANGE_CAPS.head) {
      this.head.push(r);
      this.listener?.(r, this.scenarioId);
      return r;
    }
    this.tail.push(r);
    this.tailBytes.push(bytes);
    if (this.tail.length > EXCHANGE_CAPS.tail) {
      this.tail.shift();
      this.cut.records++;
      this.cut.frameBytes += this.tailBytes.shift()!;
      if (this.cut.records === 1) this.listener?.({ t: r.t, dir: 'note', actor: 'runner', peer: 'runner', text: `recording capped at ${EXCHANGE_CAPS.head} + ${EXCHANGE_CAPS.tail} records; the trace stops here` }, this.scenarioId);
    }
    return r;
  }

  private now(): number {
    return Math.round((performance.now() - this.started) * 1000) / 1000;
  }

  frame(dir: 'send' | 'recv', actor: string, peer: string, frame: Uint8Array, message?: Message, text?: string): WireRecord {
    const max = EXCHANGE_CAPS.frameBytes;
    const whole = frame.length <= max;
    const note = whole ? text : `${text ? `${text}; ` : ''}a ${frame.length}-byte frame: its first ${max} bytes shown`;
    return this.push(
      {
        t: this.now(),
        dir,
        actor,
        peer,
        hex: bytesToHex(whole ? frame : frame.subarray(0, max)),
        ...(message ? { message: whole ? toJSON(message) : { Event: message.Event } } : {}),
        ...(note ? { text: note } : {}),
      },
      frame.length,
    );
  }

  /** An application-level event (no frame: a client library delivered it). */
  appEvent(actor: string, peer: string, message: Message): WireRecord {
    return this.push({ t: this.now(), dir: 'recv', actor, peer, message: toJSON(message) });
  }

  note(actor: string, peer: string, text: string): WireRecord {
    return this.push({ t: this.now(), dir: 'note', actor, peer, text });
  }

  /** The end of a wait that timed out: a note at its end carrying how long it lasted. */
  wait(actor: string, peer: string, text: string, waitedMs: number): WireRecord {
    return this.push({ t: this.now(), dir: 'note', actor, peer, text, waitedMs });
  }
}
