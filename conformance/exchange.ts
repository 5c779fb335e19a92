/**
 * The message exchange of one scenario run: every frame sent and received,
 * in order, so a failure always comes with what led to it.
 */
import { toJSON, type Message } from '../src/index.js';
import { bytesToHex } from '../src/codec/json.js';
import type { WireRecord } from './report-model.js';

export type RecordListener = (r: WireRecord, scenarioId: string) => void;

export class Exchange {
  readonly records: WireRecord[] = [];
  private readonly started = performance.now();

  constructor(
    private readonly scenarioId: string,
    private readonly listener?: RecordListener,
  ) {}

  private push(r: WireRecord): WireRecord {
    this.records.push(r);
    this.listener?.(r, this.scenarioId);
    return r;
  }

  private now(): number {
    return Math.round((performance.now() - this.started) * 1000) / 1000;
  }

  frame(dir: 'send' | 'recv', actor: string, peer: string, frame: Uint8Array, message?: Message, text?: string): WireRecord {
    return this.push({
      t: this.now(),
      dir,
      actor,
      peer,
      hex: bytesToHex(frame),
      ...(message ? { message: toJSON(message) } : {}),
      ...(text ? { text } : {}),
    });
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
