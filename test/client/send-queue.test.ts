/**
 * A server that stops reading: the client's send queue is bounded
 * (maxQueuedBytes) and the application sees SEND_QUEUE_FULL, on the request
 * and once on 'error', instead of a growing queue and REQUEST_TIMEOUT.
 * Bounded by a count of requests, not by time.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TClient, type ClientError } from '../../src/client/index.js';
import { decode, encode, FrameDecoder } from '../../src/index.js';

let server: net.Server | undefined;
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** Answers RequestRegisterClient, then never reads again. */
async function deafServer(): Promise<number> {
  server = net.createServer((socket) => {
    sockets.push(socket);
    const frames = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      for (const frame of frames.push(chunk)) {
        const m = decode(frame);
        if (m.Event !== 'RequestRegisterClient') continue;
        socket.write(encode({ Event: 'EventServerConnected', ReferenceID: m.ReferenceID, time: { seconds: 1, microseconds: 0 } } as never));
        socket.pause();
      }
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server!.address() as net.AddressInfo).port;
}

describe('a server that stops reading', () => {
  it('the client refuses with SEND_QUEUE_FULL once maxQueuedBytes wait, and says so once on error', async () => {
    const port = await deafServer();
    const maxQueuedBytes = 256 * 1024;
    const client = new TClient({ primary: { host: '127.0.0.1', port }, applicationName: 'app', maxQueuedBytes, requestTimeoutMs: 600_000, reconnect: { enabled: false } });
    const errors: ClientError[] = [];
    client.on('error', (e) => void errors.push(e as ClientError));
    await client.open();
    const big = 'x'.repeat(60_000);
    let refused: ClientError | undefined;
    let sent = 0;
    // The kernel's buffers take some megabytes first; 64 MB is far past any of them.
    for (let i = 0; i < 1100 && !refused; i++) {
      const p = client.sendUserEvent('7001', [['blob', big]]);
      p.catch(() => {});
      // A refusal is an already-rejected promise: it settles before the next turn of the event loop.
      const first = await Promise.race([p.then(() => undefined, (e: ClientError) => e), new Promise<undefined>((r) => setImmediate(() => r(undefined)))]);
      if (first?.code === 'SEND_QUEUE_FULL') refused = first;
      else sent++;
    }
    expect(refused?.code).toBe('SEND_QUEUE_FULL');
    expect(refused?.message).toMatch(/is not reading/);
    expect(errors.filter((e) => e.code === 'SEND_QUEUE_FULL')).toHaveLength(1);
    // A second refusal during the same stall is not reported again.
    await expect(client.sendUserEvent('7001', [['blob', big]])).rejects.toMatchObject({ code: 'SEND_QUEUE_FULL' });
    expect(errors.filter((e) => e.code === 'SEND_QUEUE_FULL')).toHaveLength(1);
    expect(sent).toBeGreaterThan(0);
    await client.close();
  });
});
