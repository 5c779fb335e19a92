/**
 * Imports point down the layers: the command line (cli/) drives fuzz/, load/,
 * conformance/ and src/; fuzz/ and load/ judge live servers with the
 * conformance rules and profiles, so they may use conformance/; conformance/
 * drives src/; src/ knows none of them;
 * spec/ is data at the bottom that every layer may load.
 * Each layer's own tests may reach anything, so only shipped sources are read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specifiersOf } from '../codec/import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The top-level folders each layer may import from (itself included). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  src: ['src', 'spec'],
  conformance: ['conformance', 'src', 'spec'],
  fuzz: ['fuzz', 'conformance', 'src', 'spec'],
  load: ['load', 'conformance', 'src', 'spec'],
  cli: ['cli', 'conformance', 'fuzz', 'load', 'src', 'spec'],
};

function sourcesOf(layer: string): string[] {
  return readdirSync(path.join(ROOT, layer), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(ROOT, layer, f));
}

/** The top-level folder a relative specifier lands in, or undefined for a package. */
function layerOf(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return path.relative(ROOT, path.resolve(path.dirname(file), specifier)).split(path.sep)[0];
}

function upwardImports(layer: string): string[] {
  const allowed = MAY_IMPORT[layer] ?? [];
  const found: string[] = [];
  for (const file of sourcesOf(layer)) {
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
      const target = layerOf(file, specifier);
      if (target !== undefined && !allowed.includes(target)) found.push(`${path.relative(ROOT, file)} imports ${specifier}`);
    }
  }
  return found;
}

describe('import direction', () => {
  for (const layer of Object.keys(MAY_IMPORT)) {
    it(`${layer}/ imports only from ${MAY_IMPORT[layer]!.join(', ')}`, () => {
      expect(sourcesOf(layer).length).toBeGreaterThan(0);
      expect(upwardImports(layer)).toEqual([]);
    });
  }

  it('the check sees an upward import (src/ reaching conformance/)', () => {
    const file = path.join(ROOT, 'src', 'probe.ts');
    expect(layerOf(file, '../conformance/engine.js')).toBe('conformance');
    expect(MAY_IMPORT.src).not.toContain(layerOf(file, '../conformance/engine.js'));
  });
});
