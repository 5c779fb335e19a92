/**
 * Invalid frames, written by hand byte by byte: each is the smallest input
 * that must raise one error code, with the byte offset the decoder reports
 * (spec/wire-format.md, "Errors"). They are not produced by the encoder on
 * purpose: an encoder bug must not be able to make its own test inputs.
 *
 * Numbers used below: EventError 52 = 0x34, EventUserEvent 96 = 0x60,
 * RequestSetInputMask 7, RequestSetCallInfo 111 = 0x6f; ReferenceID 2,
 * ConnID 9, ThisDN 20 = 0x14, InputMask 45 = 0x2d, UserData 51 = 0x33,
 * TimeinSecs 86 = 0x56, TimeinuSecs 87 = 0x57. Kinds: 01 INT32, 02 INT64,
 * 03 STRING, 04 BINARY, 05 KVLIST.
 */
import type { ErrorCode } from '../../src/index.js';
import { commentedHex } from './commented-hex.js';

export interface InvalidSource {
  name: string;
  error: ErrorCode;
  /** Byte offset from the first byte of the length prefix. */
  offset: number;
  hex: string;
}

function bad(error: ErrorCode, name: string, offset: number, text: string): InvalidSource {
  return { name: `${error.toLowerCase().replace(/_/g, '-')}/${name}`, error, offset, hex: commentedHex(text) };
}

/** 33 key-value lists, each the only value of the one before: one more than maxDepth 32. */
const NEST_33 = `
  00 00 00 84                       # body length 132
  60                                # EventUserEvent
  33 05                             # UserData, KVLIST: list 1 starts at offset 7
  ${'01 01 6b 05   # 1 pair, key "k", kind KVLIST: the next list\n'.repeat(32)}
  00                                # list 33 (offset 7 + 32*4 = 135): 0 pairs, one level too deep
`;

/** A 73-byte string: long enough for the decoder's bulk UTF-8 path. */
const LONG_SURROGATE = `
  00 00 00 4d                       # body length 77
  60                                # EventUserEvent
  14 03 49                          # ThisDN, STRING, 73 bytes (offset 8)
  ${'61 '.repeat(70)}               # "a" x 70
  ed a0 80                          # U+D800 encoded: a surrogate, not allowed in UTF-8
`;

export const INVALID_VECTORS: InvalidSource[] = [
  bad('TRUNCATED', 'empty-input', 0, ''),
  bad('TRUNCATED', 'inside-length-prefix', 3, `
    00 00 00                        # 3 of the 4 length bytes`),
  bad('TRUNCATED', 'length-prefix-only', 4, `
    00 00 00 01                     # body length 1, body missing`),
  bad('TRUNCATED', 'body-shorter-than-length', 8, `
    00 00 00 07                     # body length 7
    34                              # EventError
    02 01 00                        # ReferenceID, INT32, 1 of 4 bytes; the input ends`),
  bad('FRAME_TOO_LARGE', '1MiB-plus-1', 0, `
    00 10 00 01                     # body length 1048577: one more than the default maximum`),
  bad('FRAME_TOO_LARGE', '4GiB-claim', 0, `
    ff ff ff ff                     # body length 4294967295, nothing follows: must not allocate`),
  bad('TRAILING_BYTES', 'one-byte-after-frame', 5, `
    00 00 00 01                     # body length 1
    34                              # EventError, no attributes
    00                              # a byte after the frame`),
  bad('VARINT_INVALID', 'message-type-non-minimal', 4, `
    00 00 00 02                     # body length 2
    80 00                           # message type 0 in 2 bytes: not the shortest form`),
  bad('VARINT_INVALID', 'message-type-non-minimal-5-bytes', 4, `
    00 00 00 05                     # body length 5
    ff ff ff ff 00                  # 2^28-1 with a zero last group: not the shortest form`),
  bad('VARINT_INVALID', 'message-type-6-bytes', 4, `
    00 00 00 06                     # body length 6
    80 80 80 80 80 00               # 6-byte varint: at most 5 allowed`),
  bad('VARINT_INVALID', 'message-type-above-2^32-1', 4, `
    00 00 00 05                     # body length 5
    ff ff ff ff 1f                  # 2^33-1: the 5th byte may only carry 4 bits (0x00-0x0f)`),
  bad('VARINT_INVALID', 'fifth-byte-above-0f-at-the-end-of-the-body', 5, `
    00 00 00 06                     # body length 6
    60                              # EventUserEvent
    ff ff ff ff                     # a tag varint: four bytes, each continued
    80                              # its 5th byte, the body's last: above 0x0f, so VARINT_INVALID, not cut by the end`),
  bad('VARINT_INVALID', 'tag-non-minimal', 5, `
    00 00 00 08                     # body length 8
    34                              # EventError
    82 00                           # tag 2 in 2 bytes
    01 00 00 00 05                  # INT32 5`),
  bad('VARINT_INVALID', 'string-length-non-minimal', 7, `
    00 00 00 09                     # body length 9
    60                              # EventUserEvent
    14 03                           # ThisDN, STRING
    84 00                           # length 4 in 2 bytes
    37 30 30 31                     # "7001"`),
  bad('VARINT_INVALID', 'kvlist-count-non-minimal', 7, `
    00 00 00 05                     # body length 5
    60                              # EventUserEvent
    33 05                           # UserData, KVLIST
    80 00                           # 0 pairs in 2 bytes`),
  bad('VALUE_OVERRUN', 'empty-body', 4, `
    00 00 00 00                     # body length 0: no message type`),
  bad('VALUE_OVERRUN', 'message-type-varint-cut', 4, `
    00 00 00 01                     # body length 1
    80                              # a varint continued past the end of the body`),
  bad('VALUE_OVERRUN', 'varint-cut-after-four-bytes', 5, `
    00 00 00 05                     # body length 5
    60                              # EventUserEvent
    ff ff ff ff                     # a tag varint whose 4th byte is continued: the body ends before its 5th`),
  bad('VALUE_OVERRUN', 'kind-byte-missing', 6, `
    00 00 00 02                     # body length 2
    34                              # EventError
    02                              # tag ReferenceID; the kind byte is missing`),
  bad('VALUE_OVERRUN', 'int32-cut', 7, `
    00 00 00 05                     # body length 5
    34                              # EventError
    02 01                           # ReferenceID, INT32
    00 00                           # 2 of 4 bytes`),
  bad('VALUE_OVERRUN', 'int64-cut', 7, `
    00 00 00 07                     # body length 7
    6f                              # RequestSetCallInfo
    09 02                           # ConnID, INT64
    00 00 00 00                     # 4 of 8 bytes`),
  bad('VALUE_OVERRUN', 'unknown-int64-with-4-bytes-left', 7, `
    00 00 00 07                     # body length 7
    09                              # message type 9 (not known)
    28 02                           # unknown tag 40, INT64, value at offset 7
    01 00 05 05                     # 4 of 8 bytes: the overrun is at the value, not after its first word`),
  bad('VALUE_OVERRUN', 'u64-with-7-bytes-left', 8, `
    00 00 00 0b                     # body length 11
    60                              # EventUserEvent
    94 01 02                        # EventSequenceNumber (148), INT64, value at offset 8
    00 00 00 00 00 00 01            # 7 of 8 bytes`),
  bad('VALUE_OVERRUN', 'connid-with-5-bytes-left', 7, `
    00 00 00 08                     # body length 8
    6f                              # RequestSetCallInfo
    09 02                           # ConnID, INT64, value at offset 7
    00 6e 02 a1 c3                  # 5 of 8 bytes`),
  bad('VALUE_OVERRUN', 'string-length-varint-cut', 7, `
    00 00 00 04                     # body length 4
    60                              # EventUserEvent
    14 03                           # ThisDN, STRING
    80                              # length varint continued past the end`),
  bad('VALUE_OVERRUN', 'string-bytes', 8, `
    00 00 00 06                     # body length 6
    60                              # EventUserEvent
    14 03 05                        # ThisDN, STRING, 5 bytes
    37 30                           # only 2 follow`),
  bad('VALUE_OVERRUN', 'binary-bytes', 8, `
    00 00 00 05                     # body length 5
    07                              # RequestSetInputMask
    2d 04 40                        # InputMask, BINARY, 64 bytes
    00                              # only 1 follows`),
  bad('VALUE_OVERRUN', 'kvlist-count-above-bytes-left-over-3', 7, `
    00 00 00 09                     # body length 9
    60                              # EventUserEvent
    33 05                           # UserData, KVLIST
    02                              # 2 pairs need at least 6 bytes; 5 are left
    01 6b 03 01 76                  # "k" = "v"`),
  bad('VALUE_OVERRUN', 'kvlist-count-4G', 7, `
    00 00 00 08                     # body length 8
    60                              # EventUserEvent
    33 05                           # UserData, KVLIST
    ff ff ff ff 0f                  # 4294967295 pairs: refused before any allocation`),
  bad('VALUE_OVERRUN', 'kvlist-value-cut', 12, `
    00 00 00 09                     # body length 9
    60                              # EventUserEvent
    33 05 01                        # UserData, KVLIST, 1 pair
    01 6b                           # key "k"
    03 05                           # STRING, 5 bytes
    61                              # only 1 follows`),
  bad('UNKNOWN_KIND', 'kind-0-known-attribute', 6, `
    00 00 00 07                     # body length 7
    34                              # EventError
    02 00                           # ReferenceID, kind 0: not defined
    00 00 00 01`),
  bad('UNKNOWN_KIND', 'kind-6-unknown-attribute-two-byte-tag', 7, `
    00 00 00 05                     # body length 5
    34                              # EventError
    c8 01                           # tag 200 (unknown), 2-byte varint
    06                              # kind 6: not defined, the value cannot be skipped
    00`),
  bad('UNKNOWN_KIND', 'kind-255', 6, `
    00 00 00 04                     # body length 4
    34                              # EventError
    14 ff                           # ThisDN, kind 255
    00`),
  bad('UNKNOWN_KIND', 'int64-inside-kvlist', 10, `
    00 00 00 0f                     # body length 15
    60                              # EventUserEvent
    33 05 01                        # UserData, KVLIST, 1 pair
    01 6b                           # key "k"
    02                              # INT64: not one of the four key-value kinds
    00 00 00 00 00 00 00 01`),
  bad('KIND_MISMATCH', 'ThisDN-as-int32', 6, `
    00 00 00 07                     # body length 7
    60                              # EventUserEvent
    14 01                           # ThisDN is STRING, here INT32
    00 00 1b 59`),
  bad('KIND_MISMATCH', 'ReferenceID-as-string', 6, `
    00 00 00 05                     # body length 5
    34                              # EventError
    02 03                           # ReferenceID is INT32, here STRING
    01 31                           # "1"`),
  bad('KIND_MISMATCH', 'TimeinSecs-as-int64', 6, `
    00 00 00 0b                     # body length 11
    34                              # EventError
    56 02                           # TimeinSecs is INT32, here INT64
    00 00 00 00 65 53 f1 00`),
  bad('DUPLICATE_ATTRIBUTE', 'ReferenceID-twice', 11, `
    00 00 00 0d                     # body length 13
    34                              # EventError
    02 01 00 00 00 01               # ReferenceID 1
    02 01 00 00 00 02               # ReferenceID 2 (offset 11)`),
  bad('DUPLICATE_ATTRIBUTE', 'unknown-tag-twice', 9, `
    00 00 00 09                     # body length 9
    34                              # EventError
    c8 01 03 00                     # tag 200, STRING ""
    c8 01 03 00                     # tag 200 again (offset 9)`),
  bad('DUPLICATE_ATTRIBUTE', 'TimeinuSecs-twice', 17, `
    00 00 00 13                     # body length 19
    34                              # EventError
    56 01 00 00 00 01               # TimeinSecs 1
    57 01 00 00 00 02               # TimeinuSecs 2
    57 01 00 00 00 03               # TimeinuSecs again (offset 17)`),
  bad('INVALID_UTF8', 'overlong-two-byte', 8, `
    00 00 00 06                     # body length 6
    60                              # EventUserEvent
    14 03 02                        # ThisDN, STRING, 2 bytes (offset 8)
    c0 af                           # "/" in 2 bytes: overlong`),
  bad('INVALID_UTF8', 'overlong-three-byte', 8, `
    00 00 00 07                     # body length 7
    60                              # EventUserEvent
    14 03 03                        # ThisDN, STRING, 3 bytes
    e0 80 af                        # "/" in 3 bytes: overlong`),
  bad('INVALID_UTF8', 'surrogate', 8, `
    00 00 00 07                     # body length 7
    60                              # EventUserEvent
    14 03 03                        # ThisDN, STRING, 3 bytes
    ed a0 80                        # U+D800: surrogates are not characters`),
  bad('INVALID_UTF8', 'truncated-sequence', 8, `
    00 00 00 07                     # body length 7
    60                              # EventUserEvent
    14 03 03                        # ThisDN, STRING, 3 bytes
    41                              # "A"
    e2 82                           # first 2 of the 3 bytes of U+20AC`),
  bad('INVALID_UTF8', 'lone-continuation-byte', 8, `
    00 00 00 05                     # body length 5
    60                              # EventUserEvent
    14 03 01                        # ThisDN, STRING, 1 byte
    80                              # a continuation byte with no lead`),
  bad('INVALID_UTF8', 'above-U+10FFFF', 8, `
    00 00 00 08                     # body length 8
    60                              # EventUserEvent
    14 03 04                        # ThisDN, STRING, 4 bytes
    f4 90 80 80                     # U+110000`),
  bad('INVALID_UTF8', 'kvlist-key', 9, `
    00 00 00 08                     # body length 8
    60                              # EventUserEvent
    33 05 01                        # UserData, KVLIST, 1 pair
    01 ff                           # key of 1 byte: 0xff is never UTF-8 (offset 9)
    03 00                           # STRING ""`),
  bad('INVALID_UTF8', 'surrogate-in-long-string', 8, LONG_SURROGATE),
  bad('NESTING_TOO_DEEP', '33-levels', 135, NEST_33),
  bad('LIMIT_EXCEEDED', 'string-above-maxStringBytes', 7, `
    00 00 00 06                     # body length 6
    60                              # EventUserEvent
    14 03                           # ThisDN, STRING
    81 80 40                        # length 1048577: above maxStringBytes (1 MiB), refused before the bytes are looked for`),
  bad('LIMIT_EXCEEDED', 'binary-above-maxStringBytes', 7, `
    00 00 00 06                     # body length 6
    07                              # RequestSetInputMask
    2d 04                           # InputMask, BINARY
    81 80 40                        # length 1048577`),
  bad('LIMIT_EXCEEDED', 'decode-cost', 1286, `
    00 00 17 75                     # body length 6005
    60                              # EventUserEvent
    33 05 d0 0f                     # UserData, KVLIST, 2000 pairs: 32 + 2000 x 40 = 80,032 cost units (offset 7)
    ${'00 04 00 '.repeat(2000)}     # pairs of an empty key and an empty BINARY, 192 units each: the cost passes
                                    # 65,536 + 16 x 6009 = 161,680 at pair 425, whose length byte is at 11 + 3 x 425`),
  bad('TIME_INCOMPLETE', 'seconds-only', 5, `
    00 00 00 07                     # body length 7
    34                              # EventError
    56 01 65 53 f1 00               # TimeinSecs 1700000000, no TimeinuSecs`),
  bad('TIME_INCOMPLETE', 'microseconds-only', 5, `
    00 00 00 07                     # body length 7
    34                              # EventError
    57 01 00 03 d0 90               # TimeinuSecs 250000, no TimeinSecs`),
];
