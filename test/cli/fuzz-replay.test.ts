/** A fuzz replay runs the one input of its seed and path, once, and writes nothing into the corpus. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plantedBug } from '../../fuzz/properties/planted-bug.js';
import { runFuzz } from '../../fuzz/runner.js';


describe('fuzz replay', () => {
  it('reproduces the failure in exactly one run and saves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlib-replay-'));
    const found = await runFuzz({ properties: [plantedBug], timeSeconds: 5, seed: 7, corpusDir: join(dir, 'found'), reportEveryMs: 0, out: () => undefined });
    const f = found.failures[0]!;
    expect(f).toBeDefined();
    const replay = await runFuzz({ properties: [plantedBug], timeSeconds: 5, seed: f.seed, path: f.path, corpusDir: join(dir, 'replay'), reportEveryMs: 0, out: () => undefined });
    expect(replay.failures.map((x) => [x.counterexample, x.path])).toEqual([[f.counterexample, f.path]]);
    expect(replay.stats[0]!.runs).toBe(1);
    expect(existsSync(join(dir, 'replay'))).toBe(false);
  }, 60_000);
});
