/** The seeded random source of the differential fuzz: case `index` of run `seed` depends on nothing else. */

/** mulberry32: small, fast, and the same on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator of one case: its seed mixed from the run's seed and the case's index. */
export function caseRandom(seed: number, index: number, stream: number): { r: () => number; pick: (n: number) => number } {
  const r = rng(Math.imul(seed ^ 0x9e3779b9 ^ stream, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
  return { r, pick: (n: number): number => Math.floor(r() * n) };
}
