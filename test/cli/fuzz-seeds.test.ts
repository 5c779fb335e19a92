/** Fuzz seeds a person sees are never negative, and --seed takes what the docs say: 0 to 2^31-1. */
import { describe, expect, it } from 'vitest';
import { streamSeed } from '../../fuzz/streams.js';
import { runCli } from './run-cli.js';

describe('fuzz seeds', () => {
  it('every stream seed is a non-negative 31-bit integer, stream 0 the base seed itself', () => {
    for (const base of [0, 1, 42, 0x7fffffff, 901150373]) {
      expect(streamSeed(base, 0)).toBe(base);
      for (let stream = 1; stream < 2000; stream++) {
        const seed = streamSeed(base, stream);
        expect(Number.isInteger(seed) && seed >= 0 && seed <= 0x7fffffff).toBe(true);
      }
    }
  });

  it('--seed refuses a negative seed and accepts 0', () => {
    const negative = runCli(['fuzz', '--seed', '-5', '--runs', '10', '--property', 'round-trip']);
    expect(negative.code).toBe(2);
    expect(negative.err).toContain('--seed must be an integer from 0 to 2147483647');
    const zero = runCli(['fuzz', '--seed', '0', '--property', 'round-trip', '--path', '0']);
    expect(zero.err).not.toContain('--seed must be');
    expect(zero.out).toContain('replay of round-trip seed 0 path 0');
  }, 60_000);
});

describe('fuzz progress', () => {
  const ARGS = ['fuzz', '--property', 'round-trip', '--seed', '3', '--runs', '300', '--workers', '1', '--corpus', 'ignored-corpus-dir'];

  it('is silent when nobody watches, and on standard error when asked', () => {
    const quiet = runCli(ARGS);
    expect(quiet.code).toBe(0);
    expect(quiet.out + quiet.err).not.toMatch(/^\[\d+ s\] \d+ runs/m);
    const asked = runCli([...ARGS, '--report-every', '0.001']);
    expect(asked.code).toBe(0);
    expect(asked.err).toMatch(/^\[\d+ s\] \d+ runs: round-trip/m);
    expect(asked.out).not.toMatch(/^\[\d+ s\] \d+ runs/m);
  }, 60_000);
});
