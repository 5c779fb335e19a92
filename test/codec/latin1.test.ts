/**
 * Decoded ASCII strings are slices of one latin1 string per frame: Node's
 * native slice, or a windows-1252 TextDecoder where there is none. Both give
 * one char per byte, the same chars for every ASCII byte (the only ones the
 * decoder takes from them), at the same positions whatever follows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1, portableLatin1 } from '../../src/wire/utf8.js';

describe('latin1 string of a frame', () => {
  it('native and portable paths agree on ASCII, char for char, at every position', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const start = bytes.length === 0 ? 0 : a % bytes.length;
        const end = start + (bytes.length === 0 ? 0 : b % (bytes.length - start + 1));
        const n = latin1(bytes, start, end);
        const p = portableLatin1(bytes, start, end);
        expect([n.length, p.length]).toEqual([end - start, end - start]);
        for (let i = 0; i < n.length; i++) if (bytes[start + i]! < 0x80) expect([n.charCodeAt(i), p.charCodeAt(i)]).toEqual([bytes[start + i], bytes[start + i]]);
      }),
      { seed: 25, numRuns: 300 },
    );
  });

  it('portable path keeps one char per byte for 0x80-0xff too (positions never shift)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(portableLatin1(all, 0, 256).length).toBe(256);
  });
});
