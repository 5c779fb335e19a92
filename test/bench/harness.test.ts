/**
 * The timing harness runs every contender once per round, and no contender
 * has the same neighbour in every round. With a fixed neighbour, one
 * contender kept paying for the garbage that the contender before it left.
 */
import { describe, expect, it } from 'vitest';
import { measureGroup, type Case } from '../../bench/harness.js';

const ROUNDS = 11;
const IDS = ['tlib-kit', 'JSON', 'maps', 'records', 'cbor', 'avsc', 'protobufjs', 'bufbuild', 'binary-parser'];

/** Every call of every case, in order: warm-up and calibration first, the rounds last. */
function roundsOf(): string[][] {
  const calls: string[] = [];
  const cases: Case[] = IDS.map((id) => ({ id, run: () => void calls.push(id) }));
  const timings = measureGroup(cases, { batchMs: 1, rounds: ROUNDS, warmupMs: 1 });
  expect(timings.map((t) => t.rounds.length)).toEqual(IDS.map(() => ROUNDS));
  const timed = calls.slice(calls.length - ROUNDS * IDS.length);
  return Array.from({ length: ROUNDS }, (_, r) => timed.slice(r * IDS.length, (r + 1) * IDS.length));
}

describe('bench harness', () => {
  const rounds = roundsOf();

  it('runs every contender exactly once per round', () => {
    for (const round of rounds) expect([...round].sort()).toEqual([...IDS].sort());
  });

  it('gives no contender the same predecessor in every round', () => {
    for (const id of IDS) {
      const before = new Set(rounds.map((round) => round[round.indexOf(id) - 1]).filter((p) => p !== undefined));
      expect(before.size, `${id} was always preceded by ${[...before].join(', ')}`).toBeGreaterThan(2);
    }
  });

  it('uses the same orders on every run', () => {
    expect(roundsOf()).toEqual(rounds);
  });
});
