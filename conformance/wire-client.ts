/**
 * A raw T-Library wire client for scenarios: it encodes what a scenario
 * sends, decodes every frame it receives, and records both into the
 * exchange. It does nothing a client library would do behind its back.
 */
import { decode, encode, FrameDecoder, isTLibError, REGISTER_MODE, ADDRESS_TYPE, type Message } from '../src/index.js';
import { violation } from './failure.js';
import type { Exchange } from './exchange.js';
import { describe, Inbox } from './inbox.js';
import type { ServerSide, WireClient } from './scenario.js';
import type { Transport } from './transport.js';

export interface WireClientOptions {
  name: string;
  server: ServerSide;
  transport: Transport;
  exchange: Exchange;
  nextReferenceId: () => number;
  timeoutMs: number;
  quietMs: number;
}

export class RawClient extends Inbox implements WireClient {
  readonly server: ServerSide;
  private readonly transport: Transport;
  private readonly exchange: Exchange;
  private readonly nextReferenceId: () => number;
  private readonly frames = new FrameDecoder();
  private overflowed = false;

  constructor(o: WireClientOptions) {
    super(o.name, o.timeoutMs, o.quietMs, (text, waited) => o.exchange.wait(o.name, o.server, text, waited));
    this.server = o.server;
    this.transport = o.transport;
    this.exchange = o.exchange;
    this.nextReferenceId = o.nextReferenceId;
    o.transport.onChunk((chunk) => this.onChunk(chunk));
    o.transport.onClose((reason) => this.closed(reason));
  }

  private onChunk(chunk: Uint8Array): void {
    if (this.overflowed) return;
    let frames: Uint8Array[];
    try {
      frames = this.frames.push(chunk);
    } catch (e) {
      this.unreadable(e);
      return;
    }
    // The frames before an oversize length prefix were sent whole: record them first.
    for (const frame of frames) this.onFrame(frame);
    if (this.frames.error) this.unreadable(this.frames.error);
  }

  private unreadable(e: unknown): void {
    this.exchange.note(this.name, this.server, `unreadable stream: ${e instanceof Error ? e.message : String(e)}`);
    this.transport.close();
  }

  protected override overflow(reason: string): void {
    this.overflowed = true;
    this.exchange.note(this.name, this.server, `${reason}: connection closed`);
    this.transport.close();
    super.overflow(reason);
  }

  private onFrame(frame: Uint8Array): void {
    if (this.overflowed) return;
    try {
      const message = decode(frame);
      this.deliver(message, this.exchange.frame('recv', this.name, this.server, frame, message));
    } catch (e) {
      const why = isTLibError(e) ? `${e.code}: ${e.message}` : String(e);
      this.exchange.frame('recv', this.name, this.server, frame, undefined, `undecodable frame (${why})`);
    }
  }

  send(m: Message): void {
    const frame = encode(m);
    this.exchange.frame('send', this.name, this.server, frame, m);
    this.transport.write(frame);
  }

  request(m: Message): number {
    const ReferenceID = this.nextReferenceId();
    this.send({ ...m, ReferenceID });
    return ReferenceID;
  }

  async call(m: Message, answer: string): Promise<Message> {
    const ref = this.request(m);
    const reply = await this.expect({
      what: `${answer} or EventError with ReferenceID ${ref}`,
      match: (x) => x.ReferenceID === ref && (x.Event === answer || x.Event === 'EventError'),
    });
    if (reply.Event === 'EventError') {
      const record = this.recordOf(reply);
      if (record) record.violation = true;
      throw violation(`${m.Event} was refused`, `${answer} with ReferenceID ${ref}`, describe(reply), record);
    }
    return reply;
  }

  async register(dn: string): Promise<void> {
    await this.call(
      { Event: 'RequestRegisterAddress', ThisDN: dn, RegisterMode: REGISTER_MODE.ModeShare, AddressType: ADDRESS_TYPE.DN },
      'EventRegistered',
    );
  }

  close(): void {
    this.transport.close();
  }
}
