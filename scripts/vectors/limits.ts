/**
 * Frames that break a decoder limit set below its default, so each fits in
 * a few bytes: decoding `hex` with `limits` MUST fail with `error` at
 * `offset` (spec/vectors/limits.json). Written by hand, like invalid.ts.
 */
import type { ErrorCode, Limits } from '../../src/index.js';
import { commentedHex } from './commented-hex.js';

export interface LimitSource {
  name: string;
  limits: Partial<Limits>;
  error: ErrorCode;
  offset: number;
  hex: string;
}

function bad(name: string, limits: Partial<Limits>, error: ErrorCode, offset: number, text: string): LimitSource {
  return { name: `limit/${name}`, limits, error, offset, hex: commentedHex(text) };
}

export const LIMIT_VECTORS: LimitSource[] = [
  bad('maxAttributes-counts-time-as-two', { maxAttributes: 3 }, 'LIMIT_EXCEEDED', 21, `
    00 00 00 17                     # body length 23
    60                              # EventUserEvent
    56 01 65 53 f1 00               # attribute 1: TimeinSecs
    57 01 00 03 d0 90               # attribute 2: TimeinuSecs
    14 03 01 61                     # attribute 3: ThisDN "a"
    02 01 00 00 00 01               # attribute 4 (offset 21): ReferenceID, one more than maxAttributes 3`),
  bad('maxAttributes-counts-unknown-attributes', { maxAttributes: 2 }, 'LIMIT_EXCEEDED', 19, `
    00 00 00 12                     # body length 18
    60                              # EventUserEvent
    c8 01 01 00 00 00 01            # attribute 1: unknown tag 200, INT32
    c9 01 01 00 00 00 02            # attribute 2: unknown tag 201, INT32
    14 03 00                        # attribute 3 (offset 19): ThisDN "", one more than maxAttributes 2`),
  bad('maxAttributes-checked-before-the-tag', { maxAttributes: 1 }, 'LIMIT_EXCEEDED', 8, `
    00 00 00 08                     # body length 8
    60                              # EventUserEvent
    14 03 00                        # attribute 1: ThisDN ""
    80 00 01 00                     # attribute 2 (offset 8): counted before its tag (80 00, not shortest form) is read`),
  bad('maxPairs-summed-over-attributes', { maxPairs: 4 }, 'LIMIT_EXCEEDED', 21, `
    00 00 00 1b                     # body length 27
    60                              # EventUserEvent
    33 05 02                        # UserData, KVLIST, 2 pairs (total 2)
    01 61 01 00 00 00 01            #   "a": INT32 1
    01 62 03 00                     #   "b": STRING ""
    11 05 03                        # Reasons, KVLIST, 3 pairs, count at offset 21: total 5, above maxPairs 4
    00 03 00 00 03 00 00 03 00      #   three pairs of empty strings`),
  bad('maxPairs-summed-over-nesting', { maxPairs: 3 }, 'LIMIT_EXCEEDED', 11, `
    00 00 00 11                     # body length 17
    60                              # EventUserEvent
    33 05 02                        # UserData, KVLIST, 2 pairs (total 2)
    01 6c 05 02                     #   "l": KVLIST, 2 pairs at offset 11: total 4, above maxPairs 3
    00 03 00 00 03 00               #     two pairs of empty strings
    00 03 00                        #   the second outer pair`),
  bad('maxPairs-checked-after-the-count-fits', { maxPairs: 1 }, 'VALUE_OVERRUN', 7, `
    00 00 00 07                     # body length 7
    60                              # EventUserEvent
    33 05 02                        # UserData, KVLIST, 2 pairs at offset 7: 2 > (3 bytes left) / 3, before maxPairs
    00 03 00                        #   one pair of empty strings`),
  bad('key-above-maxStringBytes', { maxStringBytes: 4 }, 'LIMIT_EXCEEDED', 8, `
    00 00 00 0c                     # body length 12
    60                              # EventUserEvent
    33 05 01                        # UserData, KVLIST, 1 pair
    05 61 62 63 64 65               #   key length 5 (offset 8): above maxStringBytes 4
    03 00                           #   STRING ""`),
  bad('maxDepth-at-the-list-count', { maxDepth: 1 }, 'NESTING_TOO_DEEP', 11, `
    00 00 00 08                     # body length 8
    60                              # EventUserEvent
    33 05 01                        # UserData, KVLIST (depth 1), 1 pair
    01 6c 05                        #   "l": KVLIST
    00                              #   depth 2 at offset 11: above maxDepth 1`),
  bad('maxCostPerByte-1', { maxCostPerByte: 1 }, 'LIMIT_EXCEEDED', 7, `
    00 00 14 c6                     # body length 5318: frame 5322 bytes, budget 65536 + 1 x 5322 = 70858
    60                              # EventUserEvent
    33 05 eb 0d                     # UserData, KVLIST, 1771 pairs at offset 7: slot 16 + 32 + 1771 x 40 = 70888 (with 1770: 70848, within its budget 70855)
    ${'00 03 00 '.repeat(1771)}     # pairs of empty strings`),
];
