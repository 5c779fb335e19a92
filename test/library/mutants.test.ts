/**
 * Every library mutant (test/library/mutants.ts: the example bridge's
 * behaviour with one sentence broken) fails the scenarios of its sentence
 * on every one of several runs; the unbroken relay bridge passes them all.
 * A shorter step timeout only makes a failure come sooner: the waits that
 * run out are for what these mutants never do.
 */
import { describe, expect, it } from 'vitest';
import { LIBRARY_SCENARIOS } from '../../conformance/library/scenarios/index.js';
import { textOf } from '../../conformance/library/sentences.js';
import { LIBRARY_MUTANTS } from './mutants.js';
import { runLibrary } from './run.js';

const RUNS = 3;
const bridge = (name: string): string => `node test/library/mutant-bridge.mjs ${name}`;

describe('library mutants', () => {
  it('are data: each names a sentence of the catalogue and scenarios that exist', () => {
    const ids = new Set(LIBRARY_SCENARIOS.map((s) => s.id));
    for (const m of LIBRARY_MUTANTS) {
      expect(textOf(m.breaks)).toBeTypeOf('string');
      expect(m.fails.length).toBeGreaterThan(0);
      for (const id of m.fails) expect(ids.has(id), `${m.name}: ${id}`).toBe(true);
    }
  });

  it('the relay bridge with nothing broken passes every scenario', async () => {
    const report = await runLibrary(bridge('none'));
    expect(report.results.filter((r) => r.verdict !== 'pass').map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
  }, 120_000);

  for (const m of LIBRARY_MUTANTS) {
    it(`${m.name} (${m.does}) fails ${m.fails.join(', ')} on each of ${RUNS} runs`, async () => {
      const report = await runLibrary(bridge(m.name), { ids: m.fails, repeat: RUNS, startupMs: 5000 });
      const detections = m.noticedByWaiting ? ['fail', 'timeout'] : ['fail'];
      for (const r of report.results) {
        expect(detections, `${r.id}: ${r.verdict} ${r.reason}`).toContain(r.verdict);
        expect(r.failedRuns ?? 0, `${r.id} failed ${r.failedRuns} of ${r.runs}: ${r.reason}`).toBe(RUNS);
      }
    }, 120_000);
  }
});
