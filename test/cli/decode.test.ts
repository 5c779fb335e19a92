/** `tlib-kit decode` on the golden vectors, on stdin, on every input form, and on input that does not decode. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, EDGE_VECTORS, ERROR_VECTORS, MESSAGE_VECTORS, NON_CANONICAL_VECTORS } from '../codec/vector-files.js';
import { runCli } from './run-cli.js';

const VECTORS = new URL('../../spec/vectors/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tlib-decode-'));
const [A, B, C] = [MESSAGE_VECTORS[1]!, MESSAGE_VECTORS[3]!, MESSAGE_VECTORS[5]!];
const lines = (s: string) => s.trim().split('\n').filter(Boolean);

describe('tlib-kit decode', () => {
  it.each([
    ['messages.json', MESSAGE_VECTORS],
    ['edge-cases.json', EDGE_VECTORS],
    ['non-canonical.json', NON_CANONICAL_VECTORS],
  ])('--json decodes every vector of %s to its golden message, one line each', (file, vectors) => {
    const r = runCli(['decode', join(VECTORS, file), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.out).map((l) => JSON.parse(l))).toEqual(vectors.map((v) => v.message));
  });

  it('names every vector of invalid.json with its index, its error code and byte offset, and exits 2', () => {
    const r = runCli(['decode', join(VECTORS, 'invalid.json')]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const errs = lines(r.err).filter((l) => l.startsWith('tlib-kit decode:'));
    expect(errs).toHaveLength(ERROR_VECTORS.length);
    ERROR_VECTORS.forEach((v, i) => {
      expect(errs[i]).toContain(`vector ${i + 1} ${JSON.stringify(v.name)}: ${v.error}: `);
      expect(errs[i]).toMatch(new RegExp(`at offset ${v.offset}$`));
    });
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('reads hex from stdin with 0x, whitespace and # comments; the readable form names each frame, its byte offset and line', () => {
    const input = `# two frames\n0x${A.hex}\n\n  # the second, split over lines\n${B.hex.slice(0, 10)}\n${B.hex.slice(10).replace(/(..)/g, '$1 ')}\n`;
    const r = runCli(['decode', '-', '--hex'], { input });
    expect(r.code).toBe(0);
    const offsetB = A.hex.length / 2;
    expect(r.out).toContain(`frame 1 (byte 0, line 2), ${offsetB} bytes: ${A.message.Event}`);
    expect(r.out).toContain(`frame 2 (byte ${offsetB}, line 5), ${B.hex.length / 2} bytes: ${B.message.Event}`);
    expect(r.out).toContain('  ThisDN');
    expect(r.out).toMatch(/^ {2}0000 {2}00 00 00 /m);
  });

  it('with no file reads stdin; --json --hex lines carry frame, offset and hex', () => {
    const r = runCli(['decode', '--json', '--hex'], { input: A.hex + B.hex });
    expect(r.code).toBe(0);
    const [first, second] = lines(r.out).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toEqual({ frame: 1, offset: 0, hex: A.hex, message: A.message });
    expect(second).toMatchObject({ frame: 2, offset: A.hex.length / 2, hex: B.hex });
  });

  it('decodes a binary stream; a frame that does not decode is named with index and byte offset, the others still print', () => {
    const bad = '00000003ffffff';
    const file = join(dir, 'mixed.bin');
    writeFileSync(file, bytesOf(A.hex + bad + C.hex));
    const r = runCli(['decode', file, '--json']);
    expect(r.code).toBe(2);
    expect(lines(r.out).map((l) => JSON.parse(l))).toEqual([A.message, C.message]);
    const at = A.hex.length / 2;
    expect(r.err).toMatch(new RegExp(`frame 2 \\(byte ${at}\\): [A-Z_]+: .*\\(byte ${at + 4} of the input\\)`));
    expect(r.err).toContain('2 of 3 frames decoded, 1 unreadable');
  });

  it('a stream cut short says which frame, where, and how many bytes it had', () => {
    const r = runCli(['decode'], { input: A.hex + B.hex.slice(0, 12) });
    expect(r.code).toBe(2);
    expect(lines(r.out)).toHaveLength(1 + Object.keys(A.message).length - 1);
    expect(r.err).toContain(`frame 2 (byte ${A.hex.length / 2}, line 1): TRUNCATED: the input ends after 6 of the frame's ${B.hex.length / 2} bytes`);
  });

  it('--validate reports violations after the message and exits 1', () => {
    const event = EDGE_VECTORS.find((v) => v.name === 'int32/extremes')!;
    const r = runCli(['decode', '--validate'], { input: event.hex });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}violation: EventHardwareError\/no-other-attributes: /m);
    const clean = runCli(['decode', '--validate', '--json'], { input: MESSAGE_VECTORS.find((v) => v.message.Event === 'EventACK')!.hex });
    expect(clean.code).toBe(0);
  });

  it('--format forces the form: hex text read as binary is a framing error, not a guess', () => {
    const auto = runCli(['decode', '--json'], { input: A.hex });
    expect(auto.code).toBe(0);
    const forced = runCli(['decode', '--format', 'bin'], { input: A.hex });
    expect(forced.code).toBe(2);
    expect(forced.err).toMatch(/frame 1 \(byte 0\): FRAME_TOO_LARGE/);
    const binAsHex = runCli(['decode', '--format', 'hex'], { input: bytesOf(A.hex) });
    expect(binAsHex.code).toBe(2);
    expect(binAsHex.err).toContain('not text');
    expect(runCli(['decode', '--format', 'xml'], { input: A.hex }).code).toBe(2);
  });

  it.each([
    ['empty input', '', /the input is empty/],
    ['bad hex', '0000 00zz', /not hex: "z" at line 1, column 8/],
    ['an odd number of digits', '000', /odd number of hex digits/],
    ['a JSON message', '{"Event":"EventACK"}', /a JSON message, not a frame/],
    ['broken JSON', '[{"hex": ', /not valid JSON/],
  ])('%s: a clear error, exit 2, no stack trace', (_what, input, pattern) => {
    const r = runCli(['decode'], { input });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a missing file: exit 2 naming it', () => {
    const r = runCli(['decode', join(dir, 'nope.hex')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read file .*nope\.hex: no such file/);
  });
});
