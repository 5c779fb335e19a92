/**
 * The binary-parser oracle (test/oracle/: an independent grammar of
 * spec/wire-format.md) against the codec on every valid frame. The oracle is
 * test code (not compiled into dist/), so it is loaded at run time: under
 * vitest/tsx it is always there; the compiled CLI runs without it and says so.
 */
import assert from 'node:assert/strict';
import { decode, toJSON } from '../../src/index.js';

type Oracle = (frame: Uint8Array) => unknown;

let loaded: Promise<Oracle | undefined> | undefined;

/** The oracle as one function frame -> JSON form, or undefined when test/oracle is not reachable from here. */
export function loadOracle(): Promise<Oracle | undefined> {
  loaded ??= (async () => {
    // Specifiers held in variables: tsc must not pull test/ into the build.
    const grammar = '../../test/oracle/grammar.js';
    const specJson = '../../test/oracle/spec-json.js';
    try {
      const g = (await import(grammar)) as { parseFrame(b: Uint8Array): unknown };
      const j = (await import(specJson)) as { frameToJson(f: unknown): unknown };
      return (frame: Uint8Array) => j.frameToJson(g.parseFrame(frame));
    } catch {
      return undefined;
    }
  })();
  return loaded;
}

/** The oracle's reading of a valid frame equals the codec's, in the JSON form. */
export async function oracleAgrees(frame: Uint8Array): Promise<void> {
  const oracle = await loadOracle();
  if (oracle === undefined) assert.fail('test/oracle is not available (run under vitest or tsx from a checkout)');
  assert.deepStrictEqual(oracle(frame), toJSON(decode(frame)), 'oracle and codec disagree');
}
