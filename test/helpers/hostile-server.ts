/**
 * A T-Server that speaks the wire format (through the codec) and puts
 * terminal attacks into the strings it controls: ErrorMessage and ThisDN.
 * "refuse" answers RequestRegisterClient with EventError (a preflight
 * refusal that quotes ErrorMessage); "hostile" takes clients, refuses every
 * other request the same way and pushes an EventUserEvent on a ThisDN of its
 * own after each answer (a delivery no operation caused: a fuzz failure).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { encode, FrameDecoder, decode, type Message } from '../../src/index.js';

/**
 * A window title (OSC, ESC ] ... BEL), a clear screen (CSI), the same in C1
 * form (U+009B CSI, U+009D OSC: a clipboard write), a carriage return that
 * would overwrite the line, and a forged verdict on a line of its own.
 */
export const HOSTILE_TEXT = '\x1b]0;owned\x07\x1b[2J\x1b[1;1H\u009b2J\u009d52;c;b3duZWQ=\x07 evidence\r\nRESULT: PASSED\nPASS';

/** What a terminal would act on: escapes, controls other than \n and \t, C1, bidirectional overrides. */
export const TERMINAL_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** A line that a person (or a CI log scraper) would take for a verdict the kit printed. */
export const FORGED_VERDICT = /^(RESULT: PASSED|PASS)\b/m;

export interface HostileServer {
  port: number;
  /** Requests received, by Event. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startHostileServer(mode: 'refuse' | 'hostile'): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const frames = new FrameDecoder();
    const send = (m: Message) => void (socket.destroyed || socket.write(encode(m)));
    socket.on('data', (chunk: Buffer) => {
      for (const frame of frames.push(chunk)) {
        const request = decode(frame);
        requests.push(request.Event);
        const ReferenceID = typeof request.ReferenceID === 'number' ? request.ReferenceID : 0;
        if (request.Event === 'RequestRegisterClient' && mode === 'hostile') {
          send({ Event: 'EventServerConnected', ReferenceID });
          continue;
        }
        send({ Event: 'EventError', ReferenceID, ErrorCode: 1, ErrorMessage: HOSTILE_TEXT });
        if (mode === 'hostile') send({ Event: 'EventUserEvent', ThisDN: HOSTILE_TEXT, UserData: [['note', HOSTILE_TEXT]], time: { seconds: 1, microseconds: 0 } } as Message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
