/**
 * `--control tcp://host:port`: the simulator's JSON-lines control channel
 * (one request object per line, one `{"ok":true}` or `{"ok":false,"error"}`
 * answer per line), which a vendor can also implement in front of a real
 * T-Server pair.
 */
import { connect } from 'node:net';
import { targetError } from '../model/failure.js';
import type { Control } from '../model/scenario.js';
import type { TcpAddress } from '../message-path/transport.js';

/** The longest answer line the runner reads from a control channel; a longer one fails the action. */
export const CONTROL_LINE_CHARS = 64 * 1024;

export function channelControl(address: TcpAddress, timeoutMs: number): Control {
  const send = (request: Record<string, unknown>): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const where = `control channel tcp://${address.host}:${address.port}`;
      const socket = connect({ host: address.host, port: address.port });
      let buffered = '';
      let answered = false;
      const fail = (why: string): void => {
        socket.destroy();
        reject(targetError(`${where}: ${JSON.stringify(request)} ${why}`));
      };
      const timer = setTimeout(() => fail(`got no answer within ${timeoutMs} ms`), timeoutMs);
      socket.setEncoding('utf8');
      socket.on('error', (err) => {
        clearTimeout(timer);
        fail(`failed: ${err.message}`);
      });
      socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
      socket.on('data', (s: string) => {
        if (answered) return;
        const end = s.indexOf('\n');
        buffered += end < 0 ? s : s.slice(0, end);
        if (buffered.length > CONTROL_LINE_CHARS) {
          clearTimeout(timer);
          return fail(`answered with a line longer than ${CONTROL_LINE_CHARS} characters`);
        }
        if (end < 0) return;
        answered = true;
        clearTimeout(timer);
        socket.end();
        let answer: Record<string, unknown>;
        try {
          answer = JSON.parse(buffered) as typeof answer;
        } catch {
          return fail(`answered with a line that is not JSON: ${buffered.slice(0, 200)}`);
        }
        if (answer.ok === true) resolve(answer);
        else fail(`was refused: ${typeof answer.error === 'string' ? answer.error : JSON.stringify(answer)}`);
      });
    });
  return {
    lease: (mode) => holdLease(address, mode),
    // The channel's state names the servers "a" (the configured primary) and "b" (spec/control-channel.md).
    state: async () => {
      const answer = await send({ action: 'state' }).catch(() => undefined);
      const primary = (answer?.state as { primary?: unknown } | undefined)?.primary;
      return primary === 'a' ? 'primary' : primary === 'b' ? 'backup' : undefined;
    },
    switchover: async () => void (await send({ action: 'switchover' })),
    setLink: async (server, up) => void (await send({ action: 'setLink', server, up })),
    fault: async (kind, where) => void (await send({ action: 'switchFault', kind, ...where })),
    call: async ({ ThisDN }) => {
      const answer = await send({ action: 'addCall', ThisDN });
      return typeof answer.connId === 'string' ? answer.connId : JSON.stringify(answer.connId);
    },
  };
}

/**
 * The pair's lease on a connection of its own: `lease` is answered once it
 * is held, and it is held until that connection closes (a crashed run gives
 * it back by going away). No timeout: a holder's scenario is bounded by its
 * own deadline. A channel that refuses the action has no lease: undefined.
 */
function holdLease(address: TcpAddress, mode: 'shared' | 'exclusive'): Promise<(() => void) | undefined> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.host, port: address.port });
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('error', (err) => reject(targetError(`control channel tcp://${address.host}:${address.port}: lease ${mode} failed: ${err.message}`)));
    socket.on('connect', () => socket.write(`${JSON.stringify({ action: 'lease', mode })}\n`));
    socket.on('data', (s: string) => {
      buffered += s;
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      let ok = false;
      try {
        ok = (JSON.parse(buffered.slice(0, end)) as { ok?: unknown }).ok === true;
      } catch {
        ok = false;
      }
      if (!ok) {
        socket.destroy();
        return resolve(undefined);
      }
      resolve(() => socket.destroy());
    });
  });
}
