/**
 * One session of the exec bridge, driven as the runner drives it: frames on
 * stdin, frames read from stdout, stderr kept for failure messages.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { encode, decode, FrameDecoder, type Message } from '../../src/index.js';
import { BRIDGE } from './conform-run.js';

export class BridgeSession {
  readonly received: Message[] = [];
  stderr = '';
  private readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;

  constructor(session: string, primary: string, backup: string, extra: string[] = []) {
    this.child = spawn(process.execPath, [BRIDGE, '--primary', primary, '--backup', backup, ...extra], { env: { ...process.env, TLIB_KIT_SESSION: session } });
    const decoder = new FrameDecoder();
    this.child.stdout.on('data', (chunk: Buffer) => {
      for (const frame of decoder.push(chunk)) this.received.push(decode(frame));
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  send(message: Message): void {
    this.child.stdin.write(encode(message));
  }

  /** The bound only stops a hang: a loaded machine takes far less. */
  async waitFor(match: (m: Message) => boolean, ms = 20_000): Promise<Message> {
    await this.until(() => this.received.some(match), ms, 'nothing matching');
    return this.received.find(match)!;
  }

  waitForStderr(pattern: RegExp, ms = 20_000): Promise<void> {
    return this.until(() => pattern.test(this.stderr), ms, `no stderr line matching ${String(pattern)}`);
  }

  private async until(holds: () => boolean, ms: number, what: string): Promise<void> {
    const end = Date.now() + ms;
    while (!holds()) {
      if (Date.now() > end) throw new Error(`bridge: ${what} within ${ms} ms; got ${this.received.map((m) => m.Event).join(', ')}; stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  end(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }
}
