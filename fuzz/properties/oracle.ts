/** The binary-parser oracle (fuzz/oracle/: an independent grammar of spec/wire-format.md) against the codec on every valid frame. */
import assert from 'node:assert/strict';
import { decode } from '../../src/codec/decode.js';
import { toJSON } from '../../src/codec/json.js';
import { parseFrame } from '../oracle/grammar.js';
import { frameToJson } from '../oracle/spec-json.js';

/** The oracle's reading of a valid frame equals the codec's, in the JSON form. */
export function oracleAgrees(frame: Uint8Array): void {
  assert.deepStrictEqual(frameToJson(parseFrame(frame)), toJSON(decode(frame)), 'oracle and codec disagree');
}
