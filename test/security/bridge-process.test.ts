/** A hostile bridge: one that ignores end of input, and one that writes megabytes of stderr without a newline. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineSplitter, STDERR_LINE_CHARS } from '../../conformance/message-path/stderr-lines.js';
import { spawnBridge } from '../../conformance/message-path/transport.js';

/** Running, not a zombie waiting for a parent (in a container, PID 1 may never reap it). */
const alive = (pid: number): boolean => {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};

describe('a bridge that ignores end of input', () => {
  it('dies with its whole process group when the runner closes it, not only the shell that started it', async () => {
    // "; true" keeps the shell waiting as the parent, as dash does for any command.
    const script = "process.stdin.on('end', () => undefined); process.stdin.resume(); setInterval(() => undefined, 1 << 30); console.error('pid ' + process.pid)";
    const lines: string[] = [];
    let gotPid!: (pid: number) => void;
    const pid = new Promise<number>((resolve) => (gotPid = resolve));
    const transport = spawnBridge(`${JSON.stringify(process.execPath)} -e ${JSON.stringify(script)}; true`, {}, (line) => {
      lines.push(line);
      const m = /^pid (\d+)$/.exec(line);
      if (m) gotPid(Number(m[1]));
    });
    const bridgePid = await pid;
    const closed = new Promise<string>((resolve) => transport.onClose(resolve));
    transport.close();
    // Closed pipes come first; the process itself is gone moments later: wait for that, however long a loaded machine takes.
    await closed;
    while (alive(bridgePid)) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alive(bridgePid)).toBe(false);
  }, 30_000);
});

describe('bridge stderr', () => {
  it('12 MiB without a newline keeps one bounded line, marked cut, and scans each chunk once', () => {
    const lines: string[] = [];
    const split = new LineSplitter((l) => lines.push(l));
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 192; i++) split.push(chunk);
    split.push('\nnext line\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.startsWith('x'.repeat(STDERR_LINE_CHARS))).toBe(true);
    expect(lines[0]).toBe(`${'x'.repeat(STDERR_LINE_CHARS)}…[cut ${12 * 1024 * 1024 - STDERR_LINE_CHARS} chars]`);
    expect(lines[1]).toBe('next line');
  });

  it('splits lines across chunks and keeps an unterminated last line', () => {
    const lines: string[] = [];
    const split = new LineSplitter((l) => lines.push(l));
    split.push('a');
    split.push('b\nc');
    split.push('d\n\n  \ne');
    split.end();
    expect(lines).toEqual(['ab', 'cd', 'e']);
  });
});

describe('a control channel that never ends its line', () => {
  it('fails the action once the line passes CONTROL_LINE_CHARS, without waiting for the step timeout', async () => {
    const { createServer } = await import('node:net');
    const { channelControl, CONTROL_LINE_CHARS } = await import('../../conformance/control/channel.js');
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      const chunk = 'y'.repeat(16 * 1024);
      const pump = (): void => {
        while (!socket.destroyed && socket.write(chunk));
        if (!socket.destroyed) socket.once('drain', pump);
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    // A step timeout no run would reach: only the line bound can end the wait.
    const control = channelControl({ host: '127.0.0.1', port }, 600_000);
    await expect(control.switchover()).rejects.toThrow(`answered with a line longer than ${CONTROL_LINE_CHARS} characters`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }, 30_000);
});
