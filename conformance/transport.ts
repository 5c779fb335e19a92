/**
 * A byte pipe to a server: a TCP socket, or a bridge process's stdin/stdout.
 * The wire client only needs these four operations, so every target kind
 * looks the same to the scenarios.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { targetError } from './failure.js';

export interface Transport {
  write(frame: Uint8Array): void;
  onChunk(cb: (chunk: Uint8Array) => void): void;
  onClose(cb: (reason: string) => void): void;
  close(): void;
}

export interface TcpAddress {
  host: string;
  port: number;
}

/** `tcp://host:port` (host in brackets for IPv6) to an address, or undefined when it is not one. */
export function parseTcpUrl(text: string): TcpAddress | undefined {
  const m = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(text);
  const port = m ? Number(m[2]) : NaN;
  return m && port >= 1 && port <= 65535 ? { host: m[1]!.replace(/^\[|\]$/g, ''), port } : undefined;
}

export function formatAddress(a: TcpAddress): string {
  return `tcp://${a.host}:${a.port}`;
}

/** Connects within `timeoutMs`, or fails with a TARGET_ERROR naming the address. */
export function connectTcp(address: TcpAddress, timeoutMs: number): Promise<Transport> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.host, port: address.port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(targetError(`could not connect to ${formatAddress(address)} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(targetError(`could not connect to ${formatAddress(address)}: ${err.message}`));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      const closeListeners: Array<(reason: string) => void> = [];
      let reason = 'closed by the server';
      socket.on('error', (err) => (reason = err.message));
      socket.on('close', () => closeListeners.forEach((cb) => cb(reason)));
      resolve({
        write: (frame) => void socket.write(frame),
        onChunk: (cb) => void socket.on('data', (d: Buffer) => cb(new Uint8Array(d.buffer, d.byteOffset, d.length))),
        onClose: (cb) => void closeListeners.push(cb),
        close: () => {
          reason = 'closed by the runner';
          socket.destroy();
        },
      });
    });
  });
}

/**
 * Starts a bridge process (spec/bridge-contract.md): frames to the server on
 * its stdin, frames from the server on its stdout, logs on stderr.
 */
export function spawnBridge(command: string, env: Record<string, string>, onLog: (line: string) => void): Transport {
  const child = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const closeListeners: Array<(reason: string) => void> = [];
  let reason: string | undefined;
  let stderrTail = '';
  child.on('error', (err) => (reason = `bridge could not start: ${err.message}`));
  child.stdin.on('error', () => undefined); // a bridge that exits early: reported by 'exit'
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    const lines = (stderrTail + s).split('\n');
    stderrTail = lines.pop() ?? '';
    lines.filter((l) => l.trim()).forEach(onLog);
  });
  child.on('close', (code, signal) => {
    reason ??= `bridge exited (${signal ?? `code ${code}`})`;
    closeListeners.forEach((cb) => cb(reason!));
  });
  return {
    write: (frame) => void child.stdin.write(frame),
    onChunk: (cb) => void child.stdout.on('data', (d: Buffer) => cb(new Uint8Array(d.buffer, d.byteOffset, d.length))),
    onClose: (cb) => void closeListeners.push(cb),
    close: () => {
      reason ??= 'closed by the runner';
      child.stdin.end();
      // A bridge that ignores end of input must not keep the run alive.
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    },
  };
}
