/**
 * Replays every saved input in fuzz/corpus/ through the property that found
 * it: each one is a regression case, so it must pass now.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus.js';
import { ALL_PROPERTIES, propertyByName } from './properties/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
const entries = loadCorpus(dir);

describe('fuzz corpus (regression cases)', () => {
  afterAll(async () => {
    for (const p of ALL_PROPERTIES) await p.teardown?.();
  });
  it('holds at least one case', () => {
    expect(entries.length).toBeGreaterThan(0);
  });
  for (const { file, entry } of entries) {
    it(`${entry.property}: ${file.slice(dir.length + 1)}`, async () => {
      const p = propertyByName(entry.property);
      if (p === undefined) throw new Error(`${file}: no property named ${JSON.stringify(entry.property)}`);
      await p.check(entry.input);
    });
  }
});
