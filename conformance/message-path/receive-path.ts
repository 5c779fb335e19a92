/**
 * The one way a received frame goes, each stage entered once per frame and
 * never returning to the one before: transport (bytes) -> framing
 * (FrameDecoder) -> decode -> record (the exchange) -> judge (the rules
 * and whose the message is) -> deliver (the receiving inbox). A stream that
 * cannot be framed ends the path with its cause; a frame that cannot be
 * decoded is recorded as such and goes no further.
 */
import type { Message } from '../../src/codec/types.js';
import type { Exchange } from './exchange.js';
import { framing } from './framing.js';
import type { WireRecord } from '../report/report-model.js';
import type { Transport } from './transport.js';

export interface ReceivePathStages {
  actor: string;
  peer: string;
  transport: Transport;
  exchange: Exchange;
  /** Judges a recorded message; false keeps it from the receiver (it is another scenario's). */
  judge(message: Message, record: WireRecord): boolean;
  deliver(message: Message, record: WireRecord, frameBytes: number): void;
  /** A frame that could not be decoded, recorded (absent: recorded only). */
  undecodable?(why: string, record: WireRecord): void;
  /** The path ended: the peer closed, or the stream could not be framed. */
  ended(reason: string): void;
}

export interface ReceivePath {
  /** Stops taking frames and closes the transport, saying why in the exchange. */
  stop(reason: string): void;
}

export function openReceivePath(s: ReceivePathStages): ReceivePath {
  let stopped = false;
  const stop = (reason: string): void => {
    if (stopped) return;
    stopped = true;
    s.exchange.note(s.actor, s.peer, reason);
    s.ended(reason);
    s.transport.close();
  };
  s.transport.onClose((reason) => s.ended(reason));
  s.transport.onChunk(
    framing({
      reading: () => !stopped,
      // The cause, not "closed by the runner", is what a verdict must name: a peer that does not speak the wire format.
      unreadable: (why) => stop(`unreadable stream: ${why}`),
      undecodable: (frame, why) => {
        const record = s.exchange.frame('recv', s.actor, s.peer, frame, undefined, `undecodable frame (${why})`);
        s.undecodable?.(why, record);
      },
      message: (frame, message) => {
        const record = s.exchange.frame('recv', s.actor, s.peer, frame, message);
        if (s.judge(message, record)) s.deliver(message, record, frame.length);
      },
    }),
  );
  return { stop };
}
