/**
 * The message exchange of one scenario run: every frame sent and received,
 * in order, so a failure always comes with what led to it. A target that
 * streams without pause must not fill the runner's memory or the reports,
 * so what one scenario keeps is capped (EXCHANGE_CAPS) by count and by the
 * bytes each record keeps (its hex and its decoded message in JSON form, the
 * size it takes in a report): the first records, the last ones, and a note
 * saying how many were left out between them.
 */
import type { Message } from '../../src/codec/types.js';
import { bytesToHex, toJSON, type JsonMessage } from '../../src/codec/json.js';
import type { WireRecord } from '../report/report-model.js';

export type RecordListener = (r: WireRecord, scenarioId: string) => void;

export const EXCHANGE_CAPS = Object.freeze({
  /** Records kept from the start of a scenario. */
  head: 300,
  /** Records kept from its end (a ring: the latest ones). */
  tail: 100,
  /** Bytes of one frame kept as hex; a larger frame keeps its start and only its Event. */
  frameBytes: 16 * 1024,
  /** Bytes of one decoded message kept in JSON form; a larger one keeps only its Event, marked. */
  messageBytes: 16 * 1024,
  /** What the first records may keep in all (JSON characters); past it, records go to the tail. */
  headBytes: 1024 * 1024,
  /** What the last records may keep in all; the oldest leave first. */
  tailBytes: 512 * 1024,
});

export interface Truncation {
  /** Records left out between the first EXCHANGE_CAPS.head and the last EXCHANGE_CAPS.tail. */
  records: number;
  /** Frame bytes those records carried. */
  frameBytes: number;
}

export class Exchange {
  private readonly head: WireRecord[] = [];
  private headKept = 0;
  private readonly tail: WireRecord[] = [];
  /** Per tail record: the frame bytes it carried and the bytes it keeps. */
  private readonly tailSizes: Array<{ frame: number; kept: number }> = [];
  private tailKept = 0;
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
    const text = `${this.cut.records} records (${this.cut.frameBytes} frame bytes) left out here: a scenario keeps its first ${head} and last ${tail} records, at most ${EXCHANGE_CAPS.headBytes} and ${EXCHANGE_CAPS.tailBytes} bytes of them`;
    return [...this.head, { t: this.tail[0]?.t ?? 0, dir: 'note', actor: 'runner', peer: 'runner', text }, ...this.tail];
  }

  /** Undefined while nothing was left out. */
  get truncated(): Truncation | undefined {
    return this.cut.records ? { ...this.cut } : undefined;
  }

  private push(r: WireRecord, bytes = 0): WireRecord {
    const kept = keptSize(r);
    if (this.tail.length === 0 && this.head.length < EXCHANGE_CAPS.head && this.headKept + kept <= EXCHANGE_CAPS.headBytes) {
      this.head.push(r);
      this.headKept += kept;
      this.listener?.(r, this.scenarioId);
      return r;
    }
    this.tail.push(r);
    this.tailSizes.push({ frame: bytes, kept });
    this.tailKept += kept;
    while (this.tail.length > EXCHANGE_CAPS.tail || (this.tailKept > EXCHANGE_CAPS.tailBytes && this.tail.length > 1)) {
      this.tail.shift();
      const size = this.tailSizes.shift()!;
      this.tailKept -= size.kept;
      this.cut.records++;
      this.cut.frameBytes += size.frame;
      if (this.cut.records === 1) this.listener?.({ t: r.t, dir: 'note', actor: 'runner', peer: 'runner', text: `recording capped at ${EXCHANGE_CAPS.head} + ${EXCHANGE_CAPS.tail} records (${EXCHANGE_CAPS.headBytes} + ${EXCHANGE_CAPS.tailBytes} bytes); the trace stops here` }, this.scenarioId);
    }
    return r;
  }

  private now(): number {
    return Math.round((performance.now() - this.started) * 1000) / 1000;
  }

  frame(dir: 'send' | 'recv', actor: string, peer: string, frame: Uint8Array, message?: Message, text?: string): WireRecord {
    const max = EXCHANGE_CAPS.frameBytes;
    const whole = frame.length <= max;
    const notes = [text, whole ? undefined : `a ${frame.length}-byte frame: its first ${max} bytes shown`];
    let json: JsonMessage | undefined;
    if (message) {
      const kept = whole ? keptMessage(message) : undefined;
      json = kept ?? { Event: message.Event };
      if (whole && !kept) notes.push(`its decoded message is larger than ${EXCHANGE_CAPS.messageBytes} bytes in JSON form: only its Event kept`);
    }
    const note = notes.filter(Boolean).join('; ');
    return this.push(
      {
        t: this.now(),
        dir,
        actor,
        peer,
        hex: bytesToHex(whole ? frame : frame.subarray(0, max)),
        ...(json ? { message: json } : {}),
        ...(note ? { text: note } : {}),
      },
      frame.length,
    );
  }

  /** An application-level event (no frame: a client library delivered it). */
  appEvent(actor: string, peer: string, message: Message): WireRecord {
    const kept = keptMessage(message);
    return this.push({
      t: this.now(),
      dir: 'recv',
      actor,
      peer,
      message: kept ?? { Event: message.Event },
      ...(kept ? {} : { text: `its message is larger than ${EXCHANGE_CAPS.messageBytes} bytes in JSON form: only its Event kept` }),
    });
  }

  /** A record another exchange made (an observer's), kept here because it is this scenario's evidence. */
  adopt(r: WireRecord): WireRecord {
    return this.push({ ...r, t: this.now() });
  }

  note(actor: string, peer: string, text: string): WireRecord {
    return this.push({ t: this.now(), dir: 'note', actor, peer, text });
  }

  /** The end of a wait that timed out: a note at its end carrying how long it lasted. */
  wait(actor: string, peer: string, text: string, waitedMs: number): WireRecord {
    return this.push({ t: this.now(), dir: 'note', actor, peer, text, waitedMs });
  }
}

/** The message in JSON form, or undefined when that is larger than EXCHANGE_CAPS.messageBytes. */
function keptMessage(message: Message): JsonMessage | undefined {
  const json = toJSON(message);
  return JSON.stringify(json).length <= EXCHANGE_CAPS.messageBytes ? json : undefined;
}

/** What a record takes in a report, near enough: its hex, its message in JSON form, its text. */
function keptSize(r: WireRecord): number {
  return 64 + (r.hex?.length ?? 0) + (r.message ? JSON.stringify(r.message).length : 0) + (r.text?.length ?? 0);
}
