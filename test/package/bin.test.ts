/** `npx tlib-kit` in a checkout: the command file is executable as tracked, and runs (building dist/ first when it is stale). */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { bin: Record<string, string>; files: string[] };

describe('the tlib-kit command in a checkout', () => {
  it('is a tracked file with its executable bit, shipped in the package', () => {
    const bin = pkg.bin['tlib-kit']!;
    expect(bin).toBe('bin/tlib-kit.js');
    expect(statSync(`${ROOT}${bin}`).mode & 0o111).toBe(0o111);
    expect(execFileSync('git', ['ls-files', '-s', bin], { cwd: ROOT, encoding: 'utf8' })).toMatch(/^100755 /);
    expect(pkg.files).toContain('bin');
    expect(readFileSync(`${ROOT}${bin}`, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs through npx as the README writes it', () => {
    const r = spawnSync('npx', ['--no', 'tlib-kit', 'conform', '--list', '--run', 'ack/send-event'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    expect(r.stderr).not.toMatch(/Permission denied|not found/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ack\/send-event\/reference-id\s/);
  }, 240_000);
});
