/**
 * Cork a socket on its first write in a tick and uncork every corked socket
 * once the tick's work is done, so a burst of events (a fan-out, a chunk of
 * pipelined requests) leaves as one write per socket, not one per event.
 */
import type { Socket } from 'node:net';

const corked = new Set<Socket>();
let scheduled = false;

function flush(): void {
  scheduled = false;
  for (const s of corked) s.uncork();
  corked.clear();
}

export function writeBatched(socket: Socket, bytes: Uint8Array): void {
  if (!corked.has(socket)) {
    socket.cork();
    corked.add(socket);
    if (!scheduled) {
      scheduled = true;
      process.nextTick(flush);
    }
  }
  socket.write(bytes);
}
