/**
 * Nothing from the wire is evaluated or executed: no source file under src/
 * can run code built from data (eval, Function, vm, child processes, dynamic
 * import of a computed specifier, timers given a string).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

const FORBIDDEN: Array<[what: string, pattern: RegExp]> = [
  ['eval', /\beval\s*\(/],
  ['Function constructor', /\bnew\s+Function\b|\bFunction\s*\(/],
  ['vm module', /['"](node:)?vm['"]/],
  ['child processes', /['"](node:)?child_process['"]/],
  ['worker threads (code from strings)', /\bnew\s+Worker\s*\([^)]*eval\s*:\s*true/],
  ['dynamic import of a computed specifier', /\bimport\s*\(\s*[^'"\s)]/],
  ['timer given a string', /\bset(Timeout|Interval|Immediate)\s*\(\s*['"`]/],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Comments are prose and may name what they forbid. */
const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('no code from data', () => {
  const files = sources(SRC);

  it('scans the whole source tree', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(FORBIDDEN)('no %s in src/', (_what, pattern) => {
    const hits = files.filter((f) => pattern.test(stripComments(readFileSync(f, 'utf8'))));
    expect(hits).toEqual([]);
  });

  it('the patterns do find what they look for', () => {
    const planted = ['eval(x)', 'new Function("a", b)', "import vm from 'node:vm'", "import { spawn } from 'child_process'", 'new Worker(src, { eval: true })', 'await import(name)', "setTimeout('alert(1)', 0)"];
    FORBIDDEN.forEach(([what, pattern], i) => expect(pattern.test(planted[i]!), what).toBe(true));
    expect(FORBIDDEN.some(([, p]) => p.test("await import('fast-check')"))).toBe(false);
  });
});
