/** src/codec/generated/property-dispatch.ts is what its generator writes from the registry, and it dispatches every name right. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPropertyDispatch, PROPERTY_DISPATCH_FILE } from '../../scripts/property-dispatch/build.js';
import { NOT_AN_ATTRIBUTE, SKIPPED, SLOT_TAG, slotOf } from '../../src/codec/generated/property-dispatch.js';
import { ATTRIBUTES } from '../../src/index.js';

describe('generated encode slots', () => {
  it('are exactly what scripts/gen-property-dispatch.ts writes', () => {
    expect(readFileSync(PROPERTY_DISPATCH_FILE, 'utf8')).toBe(buildPropertyDispatch());
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
