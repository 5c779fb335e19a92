/**
 * Messages whose point lies in their JSON text, which a parsed object cannot
 * keep: how a number is written (`5.0`, `1e400`, `1.00000000000000001`), a
 * member repeated in the text, names in an order JavaScript objects would
 * change (spec/wire-format.md 10.1 step 3, section 14). Each is read with a
 * JSON parser, then fromJSON and encode with `options`; it must give `hex`,
 * or fail with exactly `error` at `path`. The build runs every one and stops
 * if the codec disagrees.
 */
import type { ErrorCode, Limits } from '../../src/index.js';

export type JsonTextSource = { name: string; json: string; options?: { allowObsolete?: boolean; limits?: Partial<Limits> } } &
  ({ hex: string } | { error: ErrorCode; path: string });

const ok = (name: string, json: string, hex: string): JsonTextSource => ({ name: `json-text/${name}`, json, hex });
const bad = (error: ErrorCode, name: string, path: string, json: string): JsonTextSource =>
  ({ name: `json-text/${error.toLowerCase().replace(/_/g, '-')}/${name}`, json, error, path });

export const JSON_TEXT_VECTORS: JsonTextSource[] = [
  // Section 14, integers: a JSON number is read as the nearest IEEE 754 double; it is an integer when that double is finite and whole.
  ok('messagetype-written-5.0-is-5', '{"Event":"Unknown","MessageType":5.0}', '0000000105'),
  ok('integer-written-1e2-is-100', '{"Event":"EventError","ErrorCode":1e2}', '00000007342e0100000064'),
  ok('integer-is-the-nearest-double', '{"Event":"EventError","ErrorCode":1.00000000000000001}', '00000007342e0100000001'),
  bad('INVALID_MESSAGE', 'number-beyond-a-double-is-not-an-integer', 'ErrorCode', '{"Event":"EventError","ErrorCode":1e400}'),
  bad('INVALID_MESSAGE', 'messagetype-beyond-a-double', 'MessageType', '{"Event":"Unknown","MessageType":1e400}'),
  // 10.1 step 3: integer-like names first, in numeric order; then the others in text order; a repeated member at its first place, with its last value.
  bad('INVALID_MESSAGE', 'integer-like-name-before-earlier-names', '7', '{"Event":"EventUserEvent","Colour":1,"7":1}'),
  bad('INVALID_MESSAGE', 'integer-like-names-in-numeric-order', '2', '{"Event":"EventUserEvent","10":1,"2":1}'),
  bad('INVALID_MESSAGE', 'leading-zero-is-not-integer-like', 'Colour', '{"Event":"EventUserEvent","Colour":1,"07":1}'),
  bad('INVALID_MESSAGE', '4294967295-is-not-integer-like', 'Colour', '{"Event":"EventUserEvent","Colour":1,"4294967295":1}'),
  bad('INVALID_MESSAGE', '4294967294-is-integer-like', '4294967294', '{"Event":"EventUserEvent","Colour":1,"4294967294":1}'),
  bad('INVALID_MESSAGE', 'repeated-member-at-its-first-place-with-its-last-value', 'AgentID', '{"Event":"EventUserEvent","ThisDN":5,"AgentID":6,"ThisDN":"a"}'),
  bad('INVALID_MESSAGE', 'repeated-member-keeps-its-last-value', 'ThisDN', '{"Event":"EventUserEvent","ThisDN":"a","ThisDN":5}'),
];
