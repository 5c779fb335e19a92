/**
 * `--control tcp://host:port`: the simulator's JSON-lines control channel
 * (one request object per line, one `{"ok":true}` or `{"ok":false,"error"}`
 * answer per line), which a vendor can also implement in front of a real
 * T-Server pair.
 */
import { connect } from 'node:net';
import { targetError } from '../failure.js';
import type { Control } from '../scenario.js';
import type { TcpAddress } from '../transport.js';

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
    switchover: async () => void (await send({ action: 'switchover' })),
    setLink: async (server, up) => void (await send({ action: 'setLink', server, up })),
    fault: async (kind, where) => void (await send({ action: 'switchFault', kind, ...where })),
    call: async ({ ThisDN }) => {
      const answer = await send({ action: 'addCall', ThisDN });
      return typeof answer.connId === 'string' ? answer.connId : JSON.stringify(answer.connId);
    },
  };
}
