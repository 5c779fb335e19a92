import { readFileSync } from 'node:fs';

/**
 * The version in tlib-kit's package.json. This file runs from cli/ (tsx)
 * and from dist/cli/ (built), one directory deeper, so both are tried.
 */
export function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tlib-kit' && pkg.version) return pkg.version;
    } catch {
      // not at this depth
    }
  }
  return 'unknown';
}
