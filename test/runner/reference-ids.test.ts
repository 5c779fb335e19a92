import { describe, expect, it } from 'vitest';
import { ATTEMPT_BLOCK, firstReferenceId } from '../../conformance/runner/reference-ids.js';

describe('ReferenceID blocks of a run', () => {
  it('never overlap, for any scenario and attempt of a --repeat run', () => {
    // 45 places and 20 attempts: the old layout (scenarios 10,000 apart, attempts 1,000) overlapped from the 11th attempt on.
    const places = 45;
    const blocks = [];
    for (let place = 0; place < places; place++) for (let attempt = 0; attempt < 20; attempt++) blocks.push(firstReferenceId(123_456, places, place, attempt));
    blocks.sort((a, b) => a - b);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]! - blocks[i - 1]!).toBeGreaterThanOrEqual(ATTEMPT_BLOCK);
  });

  it('give the first attempt the same numbers whatever the repeat, so --run <id> --seed N sends what the full run sent', () => {
    expect(firstReferenceId(7, 40, 12, 0)).toBe(7 + 12 * ATTEMPT_BLOCK);
  });

  it('stay inside a u32 ReferenceID for the largest base and --repeat 1000', () => {
    expect(firstReferenceId(0x3fffffff, 100, 99, 999) + ATTEMPT_BLOCK).toBeLessThan(2 ** 31);
  });
});
