/**
 * A target that answers registration, then sends 200 frames of ~15 KB whose
 * decoded form is ~30 times larger (empty pairs under 30 nested lists): the
 * run ends with its verdict and every report written, parseable and bounded.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformCommand } from '../../cli/commands/conform.js';
import type { RunReport } from '../../conformance/report/report-model.js';
import { decode, encode, FrameDecoder, type Message } from '../../src/index.js';
import { parseXml } from '../report/xml-parse.js';

type Pairs = Array<[string, unknown]>;

function nestedUserData(depth: number, pairs: number): Pairs {
  let list: Pairs = Array.from({ length: pairs }, (): [string, unknown] => ['', '']);
  for (let i = 0; i < depth; i++) list = [['', list]];
  return list;
}

const flood = encode({ Event: 'EventUserEvent', ThisDN: '7001', UserData: nestedUserData(30, 3500) } as unknown as Message);
const sockets = new Set<Socket>();
const server = createServer((socket) => {
  sockets.add(socket);
  socket.on('error', () => socket.destroy());
  const frames = new FrameDecoder();
  socket.on('data', (chunk: Buffer) => {
    for (const f of frames.push(chunk)) {
      const m = decode(f) as Message & { ReferenceID?: number };
      if (m.Event !== 'RequestRegisterClient') continue;
      socket.write(encode({ Event: 'EventServerConnected', ...(m.ReferenceID !== undefined ? { ReferenceID: m.ReferenceID } : {}) } as Message));
      for (let i = 0; i < 200; i++) socket.write(flood);
    }
  });
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a target that floods with inflating frames', () => {
  it('never costs the JSON or the JUnit report', async () => {
    expect(flood.length).toBeGreaterThan(10_000);
    const dir = mkdtempSync(join(tmpdir(), 'tlib-flood-'));
    let out = '';
    let err = '';
    const code = await runConformCommand(
      ['--target', `tcp://127.0.0.1:${port}`, '--run', 'ack/send-event', '--timeout', '1000', '--json', join(dir, 'r.json'), '--junit', join(dir, 'r.xml'), '--html', join(dir, 'r.html')],
      { out: (t) => (out += t), err: (t) => (err += t), color: false },
    );
    expect(err).not.toMatch(/Invalid string length|could not write/);
    expect([1, 2]).toContain(code);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as RunReport;
    expect(report.results).toHaveLength(1);
    expect(report.state?.exitCode).toBe(code);
    expect(out).toContain(`RESULT: ${report.state!.label}`);
    parseXml(readFileSync(join(dir, 'r.xml'), 'utf8'));
    // Unbounded, this one scenario's JSON and HTML took 11.8 MB and 11.5 MB (its records printed with 30 levels of indentation).
    for (const f of ['r.json', 'r.xml', 'r.html']) expect(statSync(join(dir, f)).size).toBeLessThan(4 << 20);
  }, 120_000);
});
