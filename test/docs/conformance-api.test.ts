/**
 * docs/conformance-api.md: its example is the file the test runs (not a copy
 * that can drift), it type-checks against the published types, and it
 * passes on a clean simulator and fails on a broken one. Uses the built
 * package (dist/), as an installed tlib-kit would; npm test builds first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectValidReport } from '../report/report-schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(ROOT, 'docs/examples/run-suite.ts');

function runExample(...args: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'tlib-api-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', EXAMPLE, ...args, out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, dir: out };
}

describe('docs/conformance-api.md', () => {
  it('shows the example file verbatim', () => {
    const doc = readFileSync(join(ROOT, 'docs/conformance-api.md'), 'utf8');
    expect(doc).toContain('```ts\n' + readFileSync(EXAMPLE, 'utf8') + '```');
  });

  it('the example passes against the embedded simulator and writes reports that follow the schema', () => {
    const r = runExample('');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('RESULT: PASSED (10 of 10 passed)');
    expectValidReport(JSON.parse(readFileSync(join(r.dir, 'conformance.json'), 'utf8')));
    expect(readFileSync(join(r.dir, 'conformance.xml'), 'utf8')).toContain('<testsuite name="tlib-kit conformance" tests="10" failures="0"');
  }, 120_000);

  it('the example fails, with reproduce lines, against a simulator with a defect', () => {
    const r = runExample('ack-wrong-reference-id');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/RESULT: FAILED/);
    expect(r.out).toContain('Reproduce: tlib-kit conform --sim-defect ack-wrong-reference-id --run ack/');
  }, 120_000);

  it('type-checks against the published types', () => {
    // Inside the checkout, so the config finds @types/node and the package's own exports.
    const dir = mkdtempSync(join(ROOT, 'node_modules/.tlib-api-'));
    try {
      const config = join(dir, 'tsconfig.json');
      writeFileSync(config, JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), compilerOptions: { noEmit: true, rootDir: ROOT }, include: [EXAMPLE] }));
      const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
