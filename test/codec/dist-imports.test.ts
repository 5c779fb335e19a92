/**
 * The built codec entry runs in browsers, Deno and Bun only if it imports
 * nothing but its own files: no package, no node: module. Walks the import
 * graph of dist/src/index.js (`npm test` builds it first).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specifiersOf, walkImports } from './import-graph.js';

const DIST_SRC = fileURLToPath(new URL('../../dist/src', import.meta.url));
const ENTRY = `${DIST_SRC}/index.js`;

describe('built codec entry dist/src/index.js', () => {
  it('exists (run `npm run build`)', () => {
    expect(existsSync(ENTRY)).toBe(true);
  });

  it('imports nothing outside dist/src: no package, no node: module', () => {
    const graph = walkImports(ENTRY, DIST_SRC);
    expect(graph.outside).toEqual([]);
    // The walk really followed the graph: the codec's own modules are in it.
    const reached = graph.files.map((f) => f.slice(DIST_SRC.length + 1));
    expect(reached).toEqual(expect.arrayContaining(['index.js', 'codec/decode.js', 'codec/encode.js', 'codec/frame-decoder.js', 'registry.js']));
  });

  it('the scanner sees every import form', () => {
    const source = [
      "import a from 'node:fs';",
      "import { b } from 'commander';",
      "export * from './x.js';",
      "export { c } from '../y.js';",
      "import 'side-effect';",
      "const d = await import('dynamic');",
    ].join('\n');
    expect(specifiersOf(source)).toEqual(['node:fs', 'commander', './x.js', '../y.js', 'side-effect', 'dynamic']);
  });
});
