/** One T-Server of the pair: a TCP listener whose connections become sessions. */
import { createServer, type Server, type Socket } from 'node:net';
import type { SimContext } from './context.js';
import { errorEvent, encodeEvent } from './events.js';
import type { SimLimits } from './limits.js';
import type { ServerId } from './pair-state.js';
import { handleRequest } from './requests.js';
import { PendingBudget } from './pending-budget.js';
import { Session } from './session.js';

export interface ListeningServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function listenServer(
  id: ServerId,
  host: string,
  port: number,
  limits: SimLimits,
  getContext: () => SimContext,
): Promise<ListeningServer> {
  const sockets = new Set<Socket>();
  const pending = new PendingBudget(limits.maxPendingBytes);
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    accept(id, socket, limits, getContext(), pending);
  });
  const actualPort = await listen(server, host, port);
  return {
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

function accept(id: ServerId, socket: Socket, limits: SimLimits, ctx: SimContext, pending: PendingBudget): void {
  if (ctx.state.connections(id) >= limits.maxClients) {
    ctx.log(`${id} refused ${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}: ${limits.maxClients} clients already connected`);
    socket.on('error', () => socket.destroy());
    socket.end(encodeEvent(errorEvent('TOO_MANY_CLIENTS', `limit ${limits.maxClients}`, undefined)));
    return;
  }
  const session = new Session(socket, id, limits, {
    onMessage: (s, message) => handleRequest(ctx, s, message),
    onClose: (s) => ctx.state.remove(s),
    log: (line) => ctx.log(line),
    pending,
    scheduler: ctx.scheduler,
  });
  ctx.state.add(session);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
