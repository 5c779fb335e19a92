/**
 * The build runs in `prepack`, so a fresh clone has no dist/ after `npm ci`;
 * `npm run conform` builds first exactly when dist/ is missing or older than
 * an input.
 */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale, stampOf } from '../../scripts/build-if-stale.mjs';
import pkg from '../../package.json' with { type: 'json' };

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'tlib-kit-stale-'));
  mkdirSync(join(root, 'src', 'codec'), { recursive: true });
  writeFileSync(join(root, 'src', 'codec', 'decode.ts'), '');
  writeFileSync(join(root, 'package.json'), '{}');
  return root;
}

const past = new Date(Date.now() - 60_000);

function stamp(root: string): void {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stampOf(root), '');
}

describe('build-if-stale', () => {
  it('builds when dist/ was never built', () => {
    expect(isStale(tree())).toBe(true);
  });

  it('does not build when the stamp is newer than every input', () => {
    const root = tree();
    utimesSync(join(root, 'src', 'codec', 'decode.ts'), past, past);
    utimesSync(join(root, 'src', 'codec'), past, past);
    utimesSync(join(root, 'src'), past, past);
    utimesSync(join(root, 'package.json'), past, past);
    stamp(root);
    expect(isStale(root)).toBe(false);
  });

  it('builds when a source deep in a folder changed after the build', () => {
    const root = tree();
    stamp(root);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src', 'codec', 'decode.ts'), later, later);
    expect(isStale(root)).toBe(true);
  });

  it('the npm scripts that run dist/ build it first; no install script builds it', () => {
    const scripts: Record<string, string> = pkg.scripts;
    for (const name of ['conform', 'demo', 'fuzz']) expect(scripts[name]).toMatch(/^node scripts\/build-if-stale\.mjs && node dist\/cli\/main\.js /);
    expect(scripts.prepack).toBe('npm run build');
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts[hook]).toBeUndefined();
  });
});
