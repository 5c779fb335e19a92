/** `tlib-kit encode` on the golden vectors and on stdin: hex lines, binary, the round trip with decode, and errors. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_VECTORS, NON_CANONICAL_VECTORS } from '../codec/vector-files.js';
import { runCli } from './run-cli.js';

const VECTORS = new URL('../../spec/vectors/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tlib-encode-'));
const lines = (s: string) => s.trim().split('\n').filter(Boolean);

describe('tlib-kit encode', () => {
  it('turns every golden vector into its frame, one hex line each (obsolete ones as the vector allows)', () => {
    const r = runCli(['encode', join(VECTORS, 'messages.json')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.out)).toEqual(MESSAGE_VECTORS.map((v) => v.hex));
  });

  it('writes the canonical form of a non-canonical frame', () => {
    const r = runCli(['encode', join(VECTORS, 'non-canonical.json')]);
    expect(lines(r.out)).toEqual(NON_CANONICAL_VECTORS.map((v) => v.canonicalHex));
  });

  it('reads JSON lines from stdin: decode --json | encode gives the frames back', () => {
    const decoded = runCli(['decode', '--json', '--format', 'hex'], { input: MESSAGE_VECTORS.map((v) => v.hex).join('\n') });
    expect(decoded.code).toBe(0);
    const r = runCli(['encode', '--allow-obsolete'], { input: decoded.out });
    expect(r.code).toBe(0);
    expect(lines(r.out)).toEqual(MESSAGE_VECTORS.map((v) => v.hex));
  });

  it('--out writes the binary frames back to back; --binary writes them to stdout', () => {
    const some = MESSAGE_VECTORS.slice(0, 3);
    const input = JSON.stringify(some.map((v) => v.message));
    const file = join(dir, 'frames.bin');
    const out = runCli(['encode', '-', '--out', file], { input });
    expect(out.code).toBe(0);
    expect(readFileSync(file).toString('hex')).toBe(some.map((v) => v.hex).join(''));
    const bin = runCli(['encode', '--binary'], { input });
    expect(bin.code).toBe(0);
    expect(bin.bytes.toString('hex')).toBe(some.map((v) => v.hex).join(''));
  });

  it('names each message that does not encode with its index and property path, writes nothing, exits 2', () => {
    const file = join(dir, 'never.bin');
    const input = JSON.stringify([MESSAGE_VECTORS[0]!.message, { Event: 'EventACK', ReferenceID: 'seven' }, { Event: 'EventUserEvent', UserData: [['k']] }]);
    const r = runCli(['encode', '--out', file], { input });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/message 2: INVALID_MESSAGE at ReferenceID: /);
    expect(r.err).toMatch(/message 3: INVALID_MESSAGE at UserData\[0\]: /);
    expect(r.err).toContain('2 of 3 messages do not encode; nothing written');
    expect(existsSync(file)).toBe(false);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a broken JSON line is named by its line', () => {
    const r = runCli(['encode'], { input: `${JSON.stringify(MESSAGE_VECTORS[0]!.message)}\n{"Event": "EventACK",\n` });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 2: not valid JSON/);
  });

  it('an obsolete event needs --allow-obsolete, and the error says so', () => {
    const input = '{"Event":"EventResourceAllocated"}';
    const r = runCli(['encode'], { input });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--allow-obsolete');
    expect(runCli(['encode', '--allow-obsolete'], { input }).code).toBe(0);
  });

  it('--validate: a message that breaks a rule is still encoded, reported, and exits 1', () => {
    const r = runCli(['encode', '--validate'], { input: '{"Event":"EventUserEvent","ReferenceID":1}' });
    expect(r.code).toBe(1);
    expect(lines(r.out)).toHaveLength(1);
    expect(r.err).toMatch(/^message 1: EventUserEvent\/\S+\/mandatory: /m);
  });

  it('hex input, an empty input or clashing options: a clear error and exit 2', () => {
    const hex = runCli(['encode'], { input: MESSAGE_VECTORS[0]!.hex });
    expect(hex.code).toBe(2);
    expect(hex.err).toContain('decode turns frames into messages');
    expect(runCli(['encode'], { input: '' }).err).toContain('the input is empty');
    expect(runCli(['encode', '--binary', '--out', join(dir, 'x.bin')], { input: '{}' }).code).toBe(2);
  });
});
