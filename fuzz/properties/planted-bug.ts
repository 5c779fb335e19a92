/** A property with a bug planted in it, for the tests of the fuzzer itself: it fails on byte arrays holding 0xff after 0x00. */
import fc from 'fast-check';
import { defineProperty } from './catalog.js';

export const plantedBug = defineProperty({
  name: 'planted-bug',
  summary: 'fails on byte arrays holding 0xff after 0x00',
  arbitrary: () => fc.uint8Array({ maxLength: 32 }),
  check: (b: Uint8Array) => {
    for (let i = 1; i < b.length; i++) if (b[i - 1] === 0 && b[i] === 0xff) throw new Error('planted bug hit');
  },
  testRuns: 10,
});
