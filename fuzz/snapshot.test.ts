/**
 * Fixed-seed samples of the main generators, pinned: a change to the
 * registry, the schemas or a generator changes what is generated and shows
 * up here (update with `npx vitest run fuzz -u` after checking the diff).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode } from '../src/codec/encode.js';
import { messageArb } from './arbitrary/message.js';
import { mutatedFrameArb } from './arbitrary/mutated-frame.js';
import { serializeInput } from './serialize.js';

const SEED = 42;

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

describe('generators at a fixed seed', () => {
  it('messageArb', () => {
    const sample = fc.sample(messageArb(), { seed: SEED, numRuns: 12 });
    const lines = sample.map((m) => {
      const keys = Object.keys(m).filter((k) => k !== 'Event').sort();
      return `${m.Event} [${keys.join(' ')}] frame ${encode(m, { allowObsolete: true }).length} B ${digest(serializeInput(m))}`;
    });
    expect(lines).toMatchSnapshot();
  });

  it('mutatedFrameArb', () => {
    const sample = fc.sample(mutatedFrameArb(), { seed: SEED, numRuns: 12 });
    expect(sample.map((m) => `${m.mutation}${m.expectCode ? ` -> ${m.expectCode}` : ''} ${digest(Buffer.from(m.frame).toString('hex'))}`)).toMatchSnapshot();
  });

  it('the same seed gives the same sample, another seed another one', () => {
    const a = serializeInput(fc.sample(messageArb(), { seed: SEED, numRuns: 5 }));
    expect(serializeInput(fc.sample(messageArb(), { seed: SEED, numRuns: 5 }))).toBe(a);
    expect(serializeInput(fc.sample(messageArb(), { seed: SEED + 1, numRuns: 5 }))).not.toBe(a);
  });
});
