/**
 * Valid frames that are not in canonical form: the decoder accepts
 * attributes in any order, the encoder always writes ascending tags, so
 * these decode to `message` and re-encode to a different `canonicalHex`.
 * Hand-written, like the invalid frames, so the encoder cannot shape them.
 */
import type { JsonMessage } from '../../src/index.js';
import { commentedHex } from './commented-hex.js';

export interface NonCanonicalSource {
  name: string;
  hex: string;
  message: JsonMessage;
}

export const NON_CANONICAL_VECTORS: NonCanonicalSource[] = [
  {
    name: 'non-canonical/descending-tags',
    hex: commentedHex(`
      00 00 00 13                   # body length 19
      34                            # EventError
      57 01 00 00 00 00             # TimeinuSecs 0
      56 01 00 00 00 0a             # TimeinSecs 10
      02 01 00 00 00 02             # ReferenceID 2`),
    message: { Event: 'EventError', ReferenceID: 2, time: { seconds: 10, microseconds: 0 } },
  },
  {
    name: 'non-canonical/unknown-before-known',
    hex: commentedHex(`
      00 00 00 0c                   # body length 12
      34                            # EventError
      c8 01 03 01 78                # tag 200 (unknown), STRING "x"
      02 01 00 00 00 02             # ReferenceID 2`),
    message: { Event: 'EventError', ReferenceID: 2, Unknown: [{ tag: 200, kind: 'string', value: 'x' }] },
  },
  {
    name: 'non-canonical/unknown-tags-descending',
    hex: commentedHex(`
      00 00 00 0c                   # body length 12
      34                            # EventError
      c9 01 01 ff ff ff ff          # tag 201 (unknown), INT32 -1
      c8 01 03 00                   # tag 200 (unknown), STRING ""`),
    message: { Event: 'EventError', Unknown: [{ tag: 201, kind: 'int32', value: -1 }, { tag: 200, kind: 'string', value: '' }] },
  },
];
