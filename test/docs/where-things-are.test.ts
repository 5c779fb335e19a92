/**
 * README "Where things are" is the map a newcomer starts from: every path it
 * names exists, and every file it names in a row lies in a folder of that row.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROOTS = /^(src|conformance|spec|cli|fuzz|load|test)\//;

function mapRows(readme: string): string[][] {
  const start = readme.indexOf('## Where things are');
  const end = readme.indexOf('\n## ', start + 1);
  return readme
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| looking for'))
    .map((line) => [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

/** Names in a row that do not exist: full paths from the root, bare file names under one of the row's folders. */
function missing(rows: readonly string[][], exists: (p: string) => boolean): string[] {
  const out: string[] = [];
  for (const tokens of rows) {
    const folders = tokens.filter((t) => ROOTS.test(t) && t.endsWith('/'));
    for (const t of tokens) {
      if (ROOTS.test(t)) {
        if (!exists(t)) out.push(t);
      } else if (/\.(ts|json)$/.test(t) && !folders.some((f) => exists(path.posix.join(f, t)))) {
        out.push(`${t} (in ${folders.join(', ') || 'no folder of its row'})`);
      }
    }
  }
  return out;
}

describe('README, Where things are', () => {
  const rows = mapRows(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  const exists = (p: string): boolean => existsSync(path.join(ROOT, p));

  it('names the codec, a scenario, a rule, a simulator handler and a report format', () => {
    const all = rows.flat();
    for (const p of ['src/codec/', 'conformance/scenarios/', 'conformance/rules/received-rules.ts', 'src/sim/handlers/', 'conformance/report/']) expect(all.join(' ')).toContain(p);
  });

  it('every path it names exists', () => {
    expect(rows.length).toBeGreaterThan(10);
    expect(missing(rows, exists)).toEqual([]);
  });

  it('sees a path that is not there', () => {
    expect(missing([['conformance/runner/', 'engine.ts', 'gone.ts', 'src/nowhere.ts']], exists)).toEqual(['gone.ts (in conformance/runner/)', 'src/nowhere.ts']);
  });
});
