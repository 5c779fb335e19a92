/**
 * tlib-kit has no runtime dependencies: the one package the command line
 * uses, commander, is bundled into dist/cli/commander.js at build time
 * (scripts/build.mjs). That holds only while every cli/ file imports it
 * through cli/commander.ts; a direct import would work in a checkout and
 * fail in every installed copy.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specifiersOf } from '../codec/import-graph.js';

const CLI = new URL('../../cli', import.meta.url).pathname;

describe('cli/ imports packages only through cli/commander.ts', () => {
  const files = (readdirSync(CLI, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

  it('finds the command line sources', () => {
    expect(files).toContain('main.ts');
    expect(files).toContain('commander.ts');
  });

  it('no other file imports a package', () => {
    const direct = files
      .filter((f) => f !== 'commander.ts')
      .flatMap((f) => specifiersOf(readFileSync(join(CLI, f), 'utf8')).filter((s) => !s.startsWith('.') && !s.startsWith('node:')).map((s) => `${f}: ${s}`));
    expect(direct).toEqual([]);
  });

  it('the seam itself re-exports commander and nothing else', () => {
    expect(specifiersOf(readFileSync(join(CLI, 'commander.ts'), 'utf8'))).toEqual(['commander']);
  });
});
