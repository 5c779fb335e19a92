/**
 * Decode-cost frames with no slack (spec/wire-format.md 10.4): at each
 * check point the cost is the budget plus 8, the smallest excess the
 * charges (all multiples of 8) allow, so a decoder that charges one
 * object less, or checks one point later, decodes the frame or fails
 * elsewhere. Built from bytes, never by the encoder; the charges are the
 * spec's table, restated here so that a change in src/ cannot move them.
 *
 * Every frame is EventUserEvent (60) with a ThisDN (14) string that only
 * pads the frame to the length whose budget is wanted (strings cost
 * nothing but their attribute's slot) and a UserData (33) list of K pairs
 * of an empty key and an empty BINARY (00 04 00: 40 + 192 units each).
 */
import type { ErrorCode, Message } from '../../src/index.js';
import { commentedHex } from './commented-hex.js';
import type { InvalidSource } from './invalid.js';
import type { ValidSource } from './messages.js';

export const SLOT = 16;
export const UNKNOWN_ENTRY = 56;
export const LIST = 32;
export const PAIR = 40;
export const BINARY = 192;
const ALLOWANCE = 65_536;
const PER_BYTE = 16;

export const budget = (frameBytes: number) => ALLOWANCE + PER_BYTE * frameBytes;

function varint(n: number): string {
  const out: string[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b.toString(16).padStart(2, '0'));
  } while (n > 0);
  return out.join(' ');
}
const varintBytes = (n: number) => varint(n).split(' ').length;

/**
 * The ThisDN padding length P for which a frame of `fixed` bytes besides the
 * padding attribute has budget = `wanted`.
 */
export function padFor(fixed: number, wanted: number): number {
  const frame = (wanted - ALLOWANCE) / PER_BYTE;
  if (!Number.isInteger(frame)) throw new Error(`budget ${wanted} is not 65536 + 16 x a length`);
  for (let p = 0; p < 1 << 16; p++) if (fixed + 2 + varintBytes(p) + p === frame) return p;
  throw new Error(`no padding gives a ${frame}-byte frame from ${fixed} fixed bytes`);
}

function padHex(p: number): string {
  return `14 03 ${varint(p)}            # ThisDN, STRING, ${p} bytes of padding (no charge but its slot)
    ${'70 '.repeat(p)}\n`;
}

function listHex(k: number, last = '00 04 00'): string {
  return `33 05 ${varint(k)}             # UserData, KVLIST, ${k} pairs: ${LIST} + ${k} x ${PAIR} charged at the count
    ${'00 04 00 '.repeat(k - 1)}       # pairs of an empty key and an empty BINARY, ${BINARY} each at its length byte
    ${last}\n`;
}

const bytesOf = (text: string) => commentedHex(text).length / 2;

/**
 * Assembles `60 | pad | body(K)` for the smallest K from 360 up for which
 * a padding makes the frame's budget `costAtPoint(K) - 8`.
 */
function frame(body: (k: number) => string, costAtPoint: (k: number) => number, why: string): { hex: string; L: number } {
  for (let k = 360; k < 400; k++) {
    const fixed = 4 + 1 + bytesOf(body(k));
    const wanted = costAtPoint(k) - 8;
    if ((wanted - ALLOWANCE) % PER_BYTE !== 0) continue;
    const pad = padFor(fixed, wanted);
    const L = fixed + 2 + varintBytes(pad) + pad;
    const text = `
    ${(L - 4).toString(16).padStart(8, '0').replace(/(..)(?=.)/g, '$1 ')}     # body length ${L - 4}: frame ${L} bytes, budget 65536 + 16 x ${L} = ${budget(L)}
    60                              # EventUserEvent
    ${padHex(pad)}
    ${body(k)}
    # ${why}: cost ${costAtPoint(k)} = budget + 8`;
    return { hex: commentedHex(text), L };
  }
  throw new Error(`no K gives ${why} a cost of budget + 8`);
}

function bad(error: ErrorCode, name: string, offset: number, hex: string): InvalidSource {
  return { name: `cost/${name}`, error, offset, hex };
}

/** Slots of ThisDN and UserData, then the list and its K binaries. */
const afterList = (k: number) => 2 * SLOT + LIST + k * (PAIR + BINARY);

function unknownAttribute(): InvalidSource {
  const body = (k: number) => `${listHex(k)}
    c8 01 01 00 00 00 07            # unknown tag 200, INT32: slot ${SLOT} + entry ${UNKNOWN_ENTRY}, checked at the attribute`;
  const f = frame(body, (n) => afterList(n) + SLOT + UNKNOWN_ENTRY, 'at the unknown attribute (slots of ThisDN, UserData and itself, the list, its binaries, the entry)');
  return bad('LIMIT_EXCEEDED', 'unknown-attribute-pays-its-slot-and-its-entry', f.L - 7, f.hex);
}

function timeTwice(): InvalidSource {
  const body = (k: number) => `${listHex(k)}
    56 01 65 53 f1 00               # TimeinSecs: a slot
    57 01 00 03 d0 90               # TimeinuSecs: a slot of its own (time is two attributes)`;
  const f = frame(body, (n) => afterList(n) + 2 * SLOT, 'at the end of the body, offset 4 + N (slots are checked there last)');
  return bad('LIMIT_EXCEEDED', 'end-of-body-time-is-two-slots', f.L, f.hex);
}

function beforeTimeIncomplete(): InvalidSource {
  const body = (k: number) => `${listHex(k)}
    56 01 65 53 f1 00               # TimeinSecs alone: TIME_INCOMPLETE, but the cost is checked first`;
  const f = frame(body, (n) => afterList(n) + SLOT, 'at the end of the body, before TIME_INCOMPLETE');
  return bad('LIMIT_EXCEEDED', 'end-of-body-before-time-incomplete', f.L, f.hex);
}

function binaryBeforeLength(last: string, name: string, what: string): InvalidSource {
  const body = (k: number) => listHex(k, `00 04 ${last}    # the last pair: ${what}`);
  const f = frame(body, (n) => afterList(n), 'at the last BINARY, charged at its length before the length is read');
  return bad('LIMIT_EXCEEDED', name, f.L - bytesOf(last), f.hex);
}

function binaryAttribute(): InvalidSource {
  const body = (k: number) => `${listHex(k)}
    2d 04 00                        # InputMask, BINARY, empty: slot ${SLOT}, then ${BINARY} at its length byte`;
  const f = frame(body, (n) => afterList(n) + SLOT + BINARY, 'at the InputMask length byte');
  return bad('LIMIT_EXCEEDED', 'binary-attribute-at-its-length', f.L - 1, f.hex);
}

function listAtCount(): InvalidSource {
  const body = (k: number) => `${listHex(k)}
    11 05 01                        # Reasons, KVLIST, 1 pair: slot ${SLOT}, then ${LIST} + ${PAIR} at the count
    00 03 00                        #   an empty key, an empty STRING`;
  const f = frame(body, (n) => afterList(n) + SLOT + LIST + PAIR, 'at the Reasons pair count');
  return bad('LIMIT_EXCEEDED', 'kvlist-at-its-count', f.L - 4, f.hex);
}

export const COST_INVALID_VECTORS: InvalidSource[] = [
  unknownAttribute(),
  timeTwice(),
  beforeTimeIncomplete(),
  binaryBeforeLength('80 00', 'binary-charged-before-an-invalid-length-varint', 'length varint 80 00 (VARINT_INVALID if it were read first)'),
  binaryBeforeLength('05', 'binary-charged-before-an-overrunning-length', 'length 5, no bytes left (VALUE_OVERRUN after the length if it were read first)'),
  binaryAttribute(),
  listAtCount(),
];

/**
 * The valid side of the same line: ThisDN, UserData with K empty binaries
 * and time, canonical, costing exactly its budget (`over` 0: decodes) or
 * 8 more (`over` 8: encode() refuses it).
 */
export function costMessage(over: 0 | 8): Message {
  const k = over === 0 ? 370 : 371;
  const cost = 4 * SLOT + LIST + k * (PAIR + BINARY);
  // 60 | 14 03 len pad | 33 05 varint(K) 3K | 56 01 x4 | 57 01 x4
  const fixed = 4 + 1 + 2 + varintBytes(k) + 3 * k + 12;
  const pad = padFor(fixed, cost - over);
  return {
    Event: 'EventUserEvent',
    ThisDN: 'p'.repeat(pad),
    UserData: Array.from({ length: k }, (): [string, Uint8Array] => ['', new Uint8Array(0)]),
    time: { seconds: 1_700_000_000, microseconds: 250_000 },
  } as Message;
}

export const COST_EDGE_VECTORS: ValidSource[] = [{ name: 'cost/exactly-the-budget', message: costMessage(0) }];
