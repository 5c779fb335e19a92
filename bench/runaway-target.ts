/**
 * A target that streams valid events without pause and answers nothing:
 * what a conformance run must survive with bounded
 * memory and reports. `npx tsx bench/runaway-target.ts [port]` serves it
 * for a measurement; tests start it in process.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { encode } from '../src/index.js';

/** 1,000 EventLinkConnected frames, written again each time the socket drains. */
function batch(): Buffer {
  const frame = encode({ Event: 'EventLinkConnected', ThisDN: '7001', time: { seconds: 1, microseconds: 0 } });
  return Buffer.concat(Array.from({ length: 1000 }, () => frame));
}

export interface RunawayTarget {
  port: number;
  close(): Promise<void>;
}

export async function startRunawayTarget(port = 0): Promise<RunawayTarget> {
  const bytes = batch();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    socket.resume(); // read and ignore everything
    const pump = (): void => {
      while (!socket.destroyed && socket.write(bytes));
    };
    socket.on('drain', pump);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = await startRunawayTarget(Number(process.argv[2] ?? 0));
  process.stdout.write(`runaway target on tcp://127.0.0.1:${target.port}\n`);
}
