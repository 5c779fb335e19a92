/**
 * A byte pipe to a server: a TCP socket, or a bridge process's stdin/stdout.
 * The wire client only needs these four operations, so every target kind
 * looks the same to the scenarios.
 */
import { spawn } from 'node:child_process';
import { LineSplitter } from './stderr-lines.js';
import { connect } from 'node:net';
import { targetError } from '../model/failure.js';

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
  // Its own process group: the shell starts the command as a child, and killing the shell alone would leave the bridge running.
  const child = spawn(command, { shell: true, detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const group = child.pid;
  if (group !== undefined) LIVE_GROUPS.add(group);
  const closeListeners: Array<(reason: string) => void> = [];
  let reason: string | undefined;
  const stderr = new LineSplitter(onLog);
  child.on('error', (err) => (reason = `bridge could not start: ${err.message}`));
  child.stdin.on('error', () => undefined); // a bridge that exits early: reported by 'exit'
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => stderr.push(s));
  child.stderr.on('end', () => stderr.end());
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
      // A bridge that ignores end of input must not keep the run alive: its whole group is killed, now or when the runner exits.
      setTimeout(() => killGroup(group), BRIDGE_GRACE_MS).unref();
    },
  };
}

/** How long a closed bridge may take to exit on its own before its process group is killed. */
export const BRIDGE_GRACE_MS = 2000;

const LIVE_GROUPS = new Set<number>();

function killGroup(group: number | undefined): void {
  if (group === undefined || !LIVE_GROUPS.delete(group)) return;
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

// The runner ending (done, Ctrl-C, a crash) takes every bridge group it started with it.
process.on('exit', () => {
  for (const group of [...LIVE_GROUPS]) killGroup(group);
});
