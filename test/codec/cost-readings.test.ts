/**
 * The decode-cost vectors pin spec/wire-format.md 10.4 with no slack: a
 * small model of the cost rules, run on each `cost/...` frame, gives the
 * vector's code and offset with the spec's reading and an excess of exactly
 * 8 (the smallest the charges allow), while each other reading an
 * implementation might take (no slot for an unknown attribute, one slot for
 * time, slots checked only at the end, a BINARY charged after its length,
 * TIME_INCOMPLETE before the last check)
 * fails some vector elsewhere or decodes it.
 */
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES } from '../../src/index.js';
import { bytesOf, EDGE_VECTORS, ERROR_VECTORS } from './vector-files.js';

interface Reading {
  unknownSlot: boolean;
  timeSlots: 1 | 2;
  slotsAtEndOnly: boolean;
  binaryAfterLength: boolean;
  timeBeforeCost: boolean;
}
const SPEC: Reading = { unknownSlot: true, timeSlots: 2, slotsAtEndOnly: false, binaryAfterLength: false, timeBeforeCost: false };
const OTHERS: Record<string, Reading> = {
  'no slot for an unknown attribute': { ...SPEC, unknownSlot: false },
  'time as one slot': { ...SPEC, timeSlots: 1 },
  'slots checked only at the end': { ...SPEC, slotsAtEndOnly: true },
  'a BINARY charged after its length': { ...SPEC, binaryAfterLength: true },
  'TIME_INCOMPLETE before the end-of-body check': { ...SPEC, timeBeforeCost: true },
};
const KNOWN = new Set<number>(ATTRIBUTES.map((a) => a.tag));
type Outcome = { code: string; offset: number; excess?: number } | 'decodes';

/** The cost rules alone, over frames of one-byte message types; any other fault is reported as OTHER. */
function model(b: Uint8Array, r: Reading): Outcome {
  const L = b.length;
  const budget = 65_536 + 16 * L;
  let cost = 0;
  let pending = 0;
  let p = 5;
  const seen = new Set<number>();
  class Stop {
    constructor(readonly outcome: Outcome) {}
  }
  const check = (at: number) => {
    if (cost > budget) throw new Stop({ code: 'LIMIT_EXCEEDED', offset: at, excess: cost - budget });
  };
  const varint = (): number => {
    const at = p;
    let v = 0;
    for (let shift = 0; ; shift += 7) {
      if (p >= L) throw new Stop({ code: 'VALUE_OVERRUN', offset: at });
      const x = b[p++]!;
      v += (x & 0x7f) * 2 ** shift;
      if (x < 0x80) {
        if (x === 0 && p - at > 1) throw new Stop({ code: 'VARINT_INVALID', offset: at });
        return v;
      }
    }
  };
  const skip = (n: number) => {
    if (n > L - p) throw new Stop({ code: 'VALUE_OVERRUN', offset: p });
    p += n;
  };
  const binary = () => {
    const at = p;
    if (!r.binaryAfterLength) {
      cost += 192;
      check(at);
    }
    const len = varint();
    skip(len);
    if (r.binaryAfterLength) {
      cost += 192;
      check(at);
    }
  };
  const list = () => {
    const c = p;
    const count = varint();
    cost += 32 + 40 * count;
    check(c);
    for (let i = 0; i < count; i++) {
      skip(varint());
      const kind = b[p++];
      if (kind === 1) skip(4);
      else if (kind === 3) skip(varint());
      else if (kind === 4) binary();
      else if (kind === 5) list();
      else throw new Stop({ code: 'OTHER', offset: p - 1 });
    }
  };
  try {
    while (p < L) {
      const a = p;
      const tag = varint();
      const kind = b[p++];
      const known = KNOWN.has(tag);
      const slot = (known || r.unknownSlot) && !(tag === 87 && r.timeSlots === 1) ? 16 : 0;
      if (r.slotsAtEndOnly) pending += slot;
      else cost += slot;
      seen.add(tag);
      if (!known) {
        cost += 56;
        check(a);
      }
      if (kind === 1) skip(4);
      else if (kind === 2) skip(8);
      else if (kind === 3) skip(varint());
      else if (kind === 4) binary();
      else if (kind === 5) list();
      else throw new Stop({ code: 'OTHER', offset: p - 1 });
    }
    const incomplete = seen.has(86) !== seen.has(87);
    if (incomplete && r.timeBeforeCost) return { code: 'TIME_INCOMPLETE', offset: -1 };
    cost += pending;
    check(L);
    return incomplete ? { code: 'TIME_INCOMPLETE', offset: -1 } : 'decodes';
  } catch (e) {
    if (e instanceof Stop) return e.outcome;
    throw e;
  }
}

const COST = ERROR_VECTORS.filter((v) => v.name.startsWith('cost/'));
const EXACT = EDGE_VECTORS.find((v) => v.name === 'cost/exactly-the-budget')!;
const same = (o: Outcome, v: { error: string; offset: number }) => o !== 'decodes' && o.code === v.error && o.offset === v.offset;

describe('decode-cost vectors pin every reading of 10.4', () => {
  it('there is a cost vector at each check point, and the frame that costs exactly its budget', () => {
    expect(COST.length).toBeGreaterThanOrEqual(7);
    expect(EXACT).toBeDefined();
  });

  it("the spec's reading gives each vector's code and offset, 8 over the budget, and decodes the exact-budget frame", () => {
    for (const v of COST) {
      const o = model(bytesOf(v.hex), SPEC);
      expect([v.name, o]).toEqual([v.name, { code: v.error, offset: v.offset, excess: 8 }]);
    }
    expect(model(bytesOf(EXACT.hex), SPEC)).toBe('decodes');
  });

  for (const [name, reading] of Object.entries(OTHERS)) {
    it(`${name}: some vector comes out otherwise`, () => {
      const differing = COST.filter((v) => !same(model(bytesOf(v.hex), reading), v));
      expect(differing.length).toBeGreaterThan(0);
    });
  }

  it('every cost vector tells the spec from at least one other reading', () => {
    for (const v of COST) {
      const tells = Object.values(OTHERS).some((r) => !same(model(bytesOf(v.hex), r), v));
      expect([v.name, tells]).toEqual([v.name, true]);
    }
  });
});
