/**
 * The long-run fuzzer itself: a failing property is reported with a seed and
 * path that replay it, its input is saved as a corpus entry that loads back,
 * and a passing property counts its runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus.js';
import { defineProperty } from './properties/catalog.js';
import { plantedBug } from './properties/planted-bug.js';
import { formatSummary, runFuzz } from './runner.js';

const dir = mkdtempSync(join(tmpdir(), 'tlib-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A time budget no run reaches and one slice per property: the run counts decide. */
const BY_RUNS = { timeSeconds: 3600, sliceMs: 3_600_000 };
const passing = defineProperty({ name: 'always', summary: 'holds', arbitrary: () => fc.nat(), check: () => undefined, testRuns: 10 });

describe('runFuzz', () => {
  it('finds a planted bug, prints the replay, saves the input, exits with a failure', async () => {
    const lines: string[] = [];
    // Bounded by runs, not seconds (one slice each): a loaded machine runs the same inputs.
    const s = await runFuzz({ properties: [plantedBug, passing], ...BY_RUNS, maxRuns: 20_000, seed: 1, corpusDir: dir, reportEveryMs: 0, out: (l) => lines.push(l) });
    expect(s.failures).toHaveLength(1);
    const f = s.failures[0]!;
    expect(f.property).toBe('planted-bug');
    expect(lines.join('\n')).toContain(`replay: tlib-kit fuzz --property planted-bug --seed ${f.seed} --path ${f.path}`);
    expect(s.stats.find((x) => x.name === 'always')!.runs).toBe(20_000);
    expect(formatSummary(s).at(-1)).toMatch(/^fuzz: 1 FAILED, 2 properties, \d+ runs in/);

    const saved = loadCorpus(dir);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.entry.input).toBeInstanceOf(Uint8Array);
    expect(() => plantedBug.check(saved[0]!.entry.input)).toThrow('planted bug hit');

    const replay = await runFuzz({ properties: [plantedBug], timeSeconds: 1, seed: f.seed, path: f.path, corpusDir: join(dir, 'replay'), reportEveryMs: 0, out: () => undefined });
    expect(replay.failures).toHaveLength(1);
    expect(replay.failures[0]!.counterexample).toBe(f.counterexample);
  });

  it('reports no failure when every property holds', async () => {
    const s = await runFuzz({ properties: [passing], ...BY_RUNS, maxRuns: 50, corpusDir: dir, reportEveryMs: 0, out: () => undefined });
    expect(s.failures).toHaveLength(0);
    expect(formatSummary(s).at(-1)).toMatch(/^fuzz: ok, 1 property, 50 runs in \d+\.\d s \((\d+\/s|-)\), base seed -?\d+$/);
  });
});
