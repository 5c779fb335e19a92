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

  async waitFor(match: (m: Message) => boolean, ms = 8000): Promise<Message> {
    const end = Date.now() + ms;
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      if (Date.now() > end) throw new Error(`bridge: nothing matching within ${ms} ms; got ${this.received.map((m) => m.Event).join(', ')}; stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  end(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }
}
