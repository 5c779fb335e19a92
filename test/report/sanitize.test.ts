import { describe, expect, it } from 'vitest';
import { sanitizeForTerminal } from '../../conformance/report/index.js';

describe('sanitizeForTerminal', () => {
  it.each([
    ['SGR colour', 'a\u001b[31mred\u001b[0mb', 'aredb'],
    ['cursor movement and erase', 'x\u001b[2J\u001b[10;20Hy', 'xy'],
    ['private-mode CSI', 'x\u001b[?1049hy', 'xy'],
    ['8-bit CSI', 'x\u009b31my', 'xy'],
    ['OSC title ended by BEL', 'x\u001b]0;owned\u0007y', 'xy'],
    ['OSC hyperlink ended by ST', 'x\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\y', 'xlinky'],
    ['an unterminated OSC introducer (its payload stays, inert)', 'x\u001b]0;rest of output', 'x0;rest of output'],
    ['an unterminated 8-bit OSC (U+009D) without erasing what follows', 'Expected: a\u009dActual: b\nReference: c', 'Expected: aActual: b\nReference: c'],
    ['DCS', 'x\u001bPq#0;2;0;0;0\u001b\\y', 'xy'],
    ['charset designation', 'x\u001b(0y', 'xy'],
    ['lone ESC', 'x\u001by', 'x'],
    ['C0 controls, carriage return and DEL', 'a\u0000b\u0007c\rd\u007fe\u0008f', 'abcdef'],
    ['C1 controls', 'a\u0085b\u009cc', 'abc'],
    ['bidirectional overrides', 'a\u202eb\u2066c', 'abc'],
  ])('removes %s', (_what, input, output) => {
    expect(sanitizeForTerminal(input)).toBe(output);
  });

  it('keeps newlines, tabs and ordinary Unicode', () => {
    const text = 'Überweisung\t— ✓ 日本\nnext line';
    expect(sanitizeForTerminal(text)).toBe(text);
  });
});
