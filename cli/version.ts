import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version in tlib-kit's package.json, found by walking up from this
 * file: the same code runs from cli/ (tsx) and dist/cli/ (built). "unknown"
 * when no tlib-kit package.json is above it (a bundled copy).
 */
export function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tlib-kit' && pkg.version) return pkg.version;
    } catch {
      // an unreadable package.json of something else: keep walking
    }
  }
  return 'unknown';
}
