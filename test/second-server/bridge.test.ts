/**
 * The exec bridge on its own: the runner's side of spec/bridge-contract.md.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { encode, decode, FrameDecoder, type Message } from '../../src/index.js';
import { startVendorPair, type VendorHandle } from './start.js';
import { switchover } from './control.js';
import { BRIDGE, requireBuiltCli } from './conform-run.js';

class BridgeSession {
  readonly received: Message[] = [];
  stderr = '';
  private readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;

  constructor(session: string, primary: string, backup: string) {
    this.child = spawn(process.execPath, [BRIDGE, '--primary', primary, '--backup', backup], { env: { ...process.env, TLIB_KIT_SESSION: session } });
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

let handle: VendorHandle | undefined;
const sessions: BridgeSession[] = [];

beforeAll(() => requireBuiltCli());
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.end()));
  await handle?.close();
  handle = undefined;
});

const address = (e: { host: string; port: number }) => `${e.host}:${e.port}`;

describe('exec bridge', () => {
  it('opens the session the runner asks for, whatever order the addresses come in, with the runner ReferenceID', async () => {
    handle = await startVendorPair({ controlPort: -1 });
    const primary = new BridgeSession('primary', address(handle.backup), address(handle.primary));
    const backup = new BridgeSession('backup', address(handle.backup), address(handle.primary));
    sessions.push(primary, backup);
    primary.send({ Event: 'RequestRegisterClient', ApplicationName: 'p', ReferenceID: 4242 });
    backup.send({ Event: 'RequestRegisterClient', ApplicationName: 'b', ReferenceID: 4343 });
    expect(await primary.waitFor((m) => m.Event === 'EventServerConnected')).toMatchObject({ ReferenceID: 4242, ServerRole: 0 });
    expect(await backup.waitFor((m) => m.Event === 'EventServerConnected')).toMatchObject({ ReferenceID: 4343, ServerRole: 1 });
    primary.send({ Event: 'RequestSetInputMask', InputMask: new Uint8Array(64), ReferenceID: 9 });
    expect(await primary.waitFor((m) => m.Event === 'EventACK')).toMatchObject({ ReferenceID: 9 });
  });

  it('app session: never writes EventRestoreConnection, follows a switchover, sends requests to the new primary', async () => {
    handle = await startVendorPair({ controlPort: -1 });
    const app = new BridgeSession('app', address(handle.primary), address(handle.backup));
    sessions.push(app);
    app.send({ Event: 'RequestRegisterClient', ApplicationName: 'app', ReferenceID: 1 });
    await app.waitFor((m) => m.Event === 'EventServerConnected');
    await new Promise((r) => setTimeout(r, 150));
    await switchover(handle.pair);
    expect(await app.waitFor((m) => m.Event === 'EventPrimaryChanged')).toBeDefined();
    app.send({ Event: 'RequestQueryLocation', ReferenceID: 2 });
    expect(await app.waitFor((m) => m.Event === 'EventLocationInfo')).toMatchObject({ ReferenceID: 2, ApplicationName: 'vendor-tserver-two' });
    expect(app.received.filter((m) => m.Event === 'EventRestoreConnection')).toEqual([]);
    expect(app.stderr).toContain('is primary now');
  });

  it('exits non-zero with the reason when it cannot open its session', async () => {
    const lost = new BridgeSession('primary', '127.0.0.1:1', '127.0.0.1:2');
    lost.send({ Event: 'RequestRegisterClient', ApplicationName: 'x', ReferenceID: 1 });
    expect(await lost.end()).toBe(1);
    expect(lost.stderr).toMatch(/cannot reach 127\.0\.0\.1:1/);
  });
});
