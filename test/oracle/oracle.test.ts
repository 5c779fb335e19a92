/**
 * Differential test: every valid golden vector decoded by the binary-parser
 * grammar (built from the spec) and by the codec must give the same message
 * in JSON form, and the one the vector states.
 */
import { describe, expect, it } from 'vitest';
import { decode, toJSON } from '../../src/index.js';
import { VALID_VECTORS, bytesOf } from '../codec/vector-files.js';
import { parseFrame } from '../../fuzz/oracle/grammar.js';
import { frameToJson } from '../../fuzz/oracle/spec-json.js';
import { SPEC_ATTRIBUTES, SPEC_MESSAGES } from '../../fuzz/oracle/spec-tables.js';

describe('binary-parser oracle', () => {
  it('reads the spec tables it is built from', () => {
    expect(SPEC_MESSAGES.find((m) => m.name === 'EventACK')).toEqual({ id: 138, name: 'EventACK', obsolete: false });
    expect(SPEC_MESSAGES.filter((m) => m.obsolete).map((m) => m.id)).toEqual([99, 100]);
    expect(SPEC_ATTRIBUTES.find((a) => a.name === 'ConnID')).toEqual({ tag: 9, name: 'ConnID', kind: 'connid' });
  });

  for (const v of VALID_VECTORS) {
    it(`agrees with the codec on ${v.name}`, () => {
      const bytes = bytesOf(v.hex);
      const oracle = frameToJson(parseFrame(bytes));
      expect(oracle).toStrictEqual(toJSON(decode(bytes)));
      expect(oracle).toStrictEqual(v.message);
    });
  }
});
