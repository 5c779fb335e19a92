/** The differential fuzz's generator: a seed replays its sequence, another seed gives another, values fill [0, 1). */
import { describe, expect, it } from 'vitest';
import { caseRandom, rng } from './prng.js';

const draw = (r: () => number, n: number) => Array.from({ length: n }, r);

describe('prng', () => {
  it('replays a seed and separates seeds', () => {
    expect(draw(rng(20261202), 50)).toEqual(draw(rng(20261202), 50));
    expect(draw(rng(20261202), 50)).not.toEqual(draw(rng(20261203), 50));
    expect(draw(caseRandom(1, 5, 0).r, 20)).toEqual(draw(caseRandom(1, 5, 0).r, 20));
    expect(draw(caseRandom(1, 5, 0).r, 20)).not.toEqual(draw(caseRandom(1, 6, 0).r, 20));
  });

  it('spreads its values over [0, 1)', () => {
    const values = draw(rng(0), 20_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const tenths = new Array(10).fill(0);
    for (const v of values) tenths[Math.floor(v * 10)]++;
    for (const count of tenths) expect(count).toBeGreaterThan(1_800);
  });
});
