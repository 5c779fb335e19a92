/** `tlib-kit validate` end to end: the input forms (golden vectors and stdin too), --request, --delivered, exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encode, fromJSON } from '../../src/index.js';
import { bytesToHex } from '../../src/codec/json.js';
import { ERROR_VECTORS, MESSAGE_VECTORS } from '../codec/vector-files.js';
import { VALID, without } from './examples.js';

const VECTORS = new URL('../../spec/vectors/', import.meta.url).pathname;

const MAIN = new URL('../../cli/main.ts', import.meta.url).pathname;
let dir: string;

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'validate', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const frame = (m: object) => encode(fromJSON(m as never));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tlib-validate-'));
});

describe('tlib-kit validate', () => {
  it('exits 0 on a valid JSON message', () => {
    const r = cli(file('ok.json', JSON.stringify(VALID.EventACK)));
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 message, all valid');
  });

  it('exits 1 on a JSON array with violations, one line each with rule id and sentence', () => {
    const r = cli(file('bad.json', JSON.stringify([VALID.EventACK, without(VALID.EventUserEvent, 'ThisDN')])));
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^message 2: EventUserEvent\/ThisDN\/mandatory: .*"EventUserEvent: ThisDN Mandatory"$/);
    expect(r.err).toContain('2 messages, 1 with violations');
  });

  it('reads hex frames with whitespace and # comments', () => {
    const hex = bytesToHex(frame(VALID.EventACK)).replace(/(.{8})/g, '$1 ');
    const r = cli(file('ok.hex', `# an EventACK\n${hex}\n# and an EventUserEvent without ThisDN\n${bytesToHex(frame(without(VALID.EventUserEvent, 'ThisDN')))}\n`));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^frame 2 \(byte \d+, line 4\): EventUserEvent\/ThisDN\/mandatory/);
  });

  it('reads a binary file of concatenated frames', () => {
    const r = cli(file('frames.bin', concat(frame(VALID.EventACK), frame(VALID.EventPrivateInfo))));
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 messages, all valid');
  });

  it('applies request rules with --request', () => {
    const request = file('req.json', JSON.stringify({ Event: 'RequestDistributeUserEvent', ReferenceID: 8 }));
    const r = cli(file('ack.json', JSON.stringify(VALID.EventACK)), '--request', request);
    expect(r.code).toBe(1);
    expect(r.out).toContain('EventACK/ReferenceID/echo');
  });

  it('checks delivered events with --delivered', () => {
    const r = cli(file('restore.json', JSON.stringify(VALID.EventRestoreConnection)), '--delivered');
    expect(r.code).toBe(1);
    expect(r.out).toContain('EventRestoreConnection/not-delivered');
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /cannot read file .*nope\.json: no such file/],
    ['bad JSON', () => file('broken.json', '{"Event":'), /not valid JSON/],
    ['bad hex', () => file('broken.hex', '0000 00zz'), /not hex: "z" at line 1, column 8/],
    ['an odd number of hex digits', () => file('odd.hex', '000'), /odd number of hex digits/],
    ['a truncated frame', () => file('cut.bin', frame(VALID.EventACK).subarray(0, 9)), /TRUNCATED/],
    ['a frame that does not decode', () => file('junk.bin', Uint8Array.from([0, 0, 0, 3, 0xff, 0xff, 0xff])), /frame 1 \(byte 0\): [A-Z_]+: .*\(byte \d+ of the input\)/],
    ['an empty array', () => file('empty.json', '[]'), /no message in the input/],
  ])('exits 2 on %s with a clear message', (_what, make, pattern) => {
    const r = cli(make());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(pattern);
    expect(r.out).toBe('');
  });

  it('reads the golden-vector files: each vector through its bytes, named by index and name', () => {
    const ok = cli(VECTORS + 'messages.json');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`${MESSAGE_VECTORS.length} messages, all valid`);
    const edge = cli(VECTORS + 'edge-cases.json');
    expect(edge.code).toBe(1);
    expect(edge.out).toMatch(/^vector \d+ "int32\/extremes": EventHardwareError\/no-other-attributes: /m);
    const invalid = cli(VECTORS + 'invalid.json');
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain(`vector 1 "${ERROR_VECTORS[0]!.name}": ${ERROR_VECTORS[0]!.error}: `);
    expect(invalid.err).toContain(`${ERROR_VECTORS.length} messages, 0 with violations, ${ERROR_VECTORS.length} unreadable`);
  });

  it('reads - from standard input, and hex with 0x', () => {
    const ack = bytesToHex(frame(VALID.EventACK));
    const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'validate', '-'], { encoding: 'utf8', input: `0x${ack}\n0x${bytesToHex(frame(without(VALID.EventUserEvent, 'ThisDN')))}\n` });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^frame 2 \(byte \d+, line 2\): EventUserEvent\/ThisDN\/mandatory/);
    const json = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'validate', '-'], { encoding: 'utf8', input: readFileSync(VECTORS + 'messages.json') });
    expect(json.status).toBe(0);
  });

  it('exits 2 when --request holds more than one message', () => {
    const r = cli(file('one.json', JSON.stringify(VALID.EventACK)), '--request', file('two.json', '[{"Event":"RequestSetInputMask"},{"Event":"RequestSetInputMask"}]'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('expected one message, found 2');
  });
});
