/** src/codec/generated/encode-slots.ts is what its generator writes from the registry, and it dispatches every name right. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEncodeSlots, ENCODE_SLOTS_FILE } from '../../scripts/encode-slots/build.js';
import { NOT_AN_ATTRIBUTE, SKIPPED, SLOT_TAG, slotOf } from '../../src/codec/generated/encode-slots.js';
import { ATTRIBUTES } from '../../src/index.js';

describe('generated encode slots', () => {
  it('are exactly what scripts/gen-encode-slots.ts writes', () => {
    expect(readFileSync(ENCODE_SLOTS_FILE, 'utf8')).toBe(buildEncodeSlots());
  });

  it('send each attribute to the slot of its tag, the time pair and strangers nowhere', () => {
    for (const a of ATTRIBUTES) {
      const s = slotOf(a.name);
      if (a.tag === 86 || a.tag === 87) expect(s).toBe(NOT_AN_ATTRIBUTE);
      else expect(SLOT_TAG[s]).toBe(a.tag);
    }
    for (const n of ['Event', 'time', 'Unknown', 'MessageType', 'Obsolete', 'Server']) expect(slotOf(n)).toBe(SKIPPED);
    for (const n of ['', 'constructor', '__proto__', 'thisdn', 'ThisDn', 'toString', 'ThisDN ']) expect(slotOf(n)).toBe(NOT_AN_ATTRIBUTE);
    expect([...SLOT_TAG].sort((a, b) => a - b)).toEqual(SLOT_TAG);
  });
});
