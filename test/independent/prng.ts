/** The seeded random source of the differential fuzz: case `index` of run `seed` depends on nothing else. */

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, from PractRand),
 * seeded as PractRand seeds it: a = 0, b = the seed, c = 0, counter 1, twelve
 * rounds discarded. Not the kit's generator (conformance/random.ts), so the
 * independent side shares no code with what it checks.
 */
export function rng(seed: number): () => number {
  let a = 0;
  let b = seed >>> 0;
  let c = 0;
  let counter = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** The generator of one case: its seed mixed from the run's seed and the case's index. */
export function caseRandom(seed: number, index: number, stream: number): { r: () => number; pick: (n: number) => number } {
  const r = rng(Math.imul(seed ^ 0x9e3779b9 ^ stream, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
  return { r, pick: (n: number): number => Math.floor(r() * n) };
}
