/** Can a TCP connection to the target be opened at all? Asked before a long run, so a wrong address is a usage error (exit 2), not a run full of failures. */
import { connect } from 'node:net';

export function checkReachable(address: { host: string; port: number }, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect(address);
    const done = (problem: string | undefined) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(timeoutMs, () => done(`no TCP connection to ${address.host}:${address.port} within ${timeoutMs} ms`));
    socket.once('connect', () => done(undefined));
    socket.once('error', (e) => done(`cannot connect to ${address.host}:${address.port}: ${e.message}`));
  });
}
