/**
 * The differential fuzz can fail: each mutant of the Python codec (python-codec/mutants.py)
 * breaks one sentence of spec/wire-format.md, and the part of the fuzz that covers
 * that sentence, at the size CI runs it or smaller, finds the kit and the mutant apart.
 */
import { describe, expect, it } from 'vitest';

// bounded by count, never by time: on a loaded machine they may take long, and must not fail for it
const BOUNDED_BY_COUNT = { timeout: 600_000 };
import { runCostFrames, runDifferential, runEncodeDifferential, runStreams } from './differential.js';

const SEED = 20261202;
const mutant = (name: string): string[] => ['--mutant', name];

describe('the differential fuzz catches a codec that breaks one sentence', BOUNDED_BY_COUNT, () => {
  it.each(['int64-two-words', 'varint-longer-forms', 'surrogates-in-utf8', 'depth-one-more'])('decode mutants: %s', (name) => {
    const t = runDifferential(SEED, 0, 10_000, 50_000, undefined, mutant(name));
    expect(t.disagreements.filter((d) => !d.known).length).toBeGreaterThan(0);
  });

  it.each(['unknown-without-slot', 'binary-charged-after-length'])('cost mutants: %s', (name) => {
    expect(runCostFrames(mutant(name)).disagreements.length).toBeGreaterThan(0);
  });

  it('stream mutant: stream-offset-consumed', () => {
    expect(runStreams(SEED, 0, 3_000, mutant('stream-offset-consumed')).disagreements.length).toBeGreaterThan(0);
  });

  it.each(['lone-surrogates-written', 'names-in-insertion-order'])('encode mutants: %s', (name) => {
    const t = runEncodeDifferential(SEED, 0, 5_000, 50_000, mutant(name));
    expect(t.disagreements.filter((d) => !d.known).length).toBeGreaterThan(0);
  });
});
