/**
 * The named properties: what `npm test` runs with a fixed seed, what
 * `tlib-kit fuzz` runs with random seeds, and what corpus entries name.
 */
import fc from 'fast-check';
import { chunkedStreamArb } from '../arbitrary/byte-stream.js';
import { canonicalFrameArb } from '../arbitrary/canonical-frame.js';
import { deepKvListArb } from '../arbitrary/deep-kv-list.js';
import { emptyRunFrameArb } from '../arbitrary/empty-run-frame.js';
import { hostileNameMessageArb } from '../arbitrary/hostile-name-message.js';
import { hugeClaimFrameArb } from '../arbitrary/huge-claim-frame.js';
import { loneSurrogateMessageArb } from '../arbitrary/lone-surrogate-message.js';
import { maxSizeMessageArb } from '../arbitrary/max-size-message.js';
import { messageArb } from '../arbitrary/message.js';
import { mutatedFrameArb } from '../arbitrary/mutated-frame.js';
import { specialEventArb } from '../arbitrary/special-event.js';
import * as codec from './codec.js';
import { oracleAgrees } from './oracle.js';
import * as schemas from './validate.js';
import { closeSharedSimulator, liveServer } from './server.js';
import { serverScriptArb } from '../arbitrary/server-script.js';

export interface FuzzProperty<T = unknown> {
  readonly name: string;
  readonly summary: string;
  arbitrary(): fc.Arbitrary<T>;
  check(input: T): void | Promise<void>;
  /** Runs per fixed-seed `npm test` pass. */
  readonly testRuns: number;
  /** Async properties (live server) run with fc.asyncProperty. */
  readonly async?: boolean;
  /** Releases what the property holds between runs (the shared simulator). */
  teardown?(): Promise<void>;
}

export function defineProperty<T>(p: FuzzProperty<T>): FuzzProperty {
  return p as unknown as FuzzProperty;
}

export const CODEC_PROPERTIES: FuzzProperty[] = [
  defineProperty({ name: 'round-trip', summary: 'decode(encode(m)) deep-equals m on every codec path', arbitrary: () => messageArb(), check: codec.roundTrip, testRuns: 300 }),
  defineProperty({ name: 'canonical', summary: 'encode(decode(b)) equals b for canonical frames, on every codec path', arbitrary: () => canonicalFrameArb(), check: codec.canonicalFrame, testRuns: 300 }),
  defineProperty({ name: 'decode-random-bytes', summary: 'decode of arbitrary bytes: a message or TLibError, bounded time and footprint', arbitrary: () => randomBytesArb(), check: (b: Uint8Array) => codec.decodeTotal(b), testRuns: 1500 }),
  defineProperty({ name: 'decode-mutated', summary: 'decode of damaged valid frames (bit flips, truncations, length lies, splices, duplicates): message or TLibError', arbitrary: () => mutatedFrameArb(), check: codec.mutatedFrame, testRuns: 1000 }),
  defineProperty({ name: 'huge-claims', summary: 'frames claiming huge lengths or counts are refused within 5 ms', arbitrary: () => hugeClaimFrameArb(), check: codec.hugeClaim, testRuns: 300 }),
  defineProperty({ name: 'chunking', summary: 'FrameDecoder yields the same frames for every chunking, holding one frame at most', arbitrary: () => chunkedStreamArb(), check: codec.chunking, testRuns: 200 }),
  defineProperty({ name: 'lone-surrogates', summary: 'encode refuses lone surrogates with INVALID_UTF8 at the right path', arbitrary: () => loneSurrogateMessageArb(), check: codec.loneSurrogate, testRuns: 300 }),
  defineProperty({ name: 'deep-nesting', summary: 'key-value lists round-trip up to the depth limit and are refused one past it', arbitrary: () => deepKvListArb(), check: codec.deepNesting, testRuns: 150 }),
  defineProperty({ name: 'empty-runs', summary: 'long runs of empty values (up to 70,000 pairs, 1,100 attributes): refused or decoded within the footprint bound, in bounded time', arbitrary: () => emptyRunFrameArb(), check: codec.emptyRun, testRuns: 60 }),
  defineProperty({ name: 'hostile-names', summary: 'prototype-member names as unknown kinds, message properties and JSON keys: INVALID_MESSAGE at their path, never a prototype', arbitrary: () => hostileNameMessageArb(), check: codec.hostileName, testRuns: 200 }),
  defineProperty({ name: 'max-size', summary: 'the largest frame decodes; one byte more is FRAME_TOO_LARGE', arbitrary: () => maxSizeMessageArb(), check: codec.maxSize, testRuns: 8 }),
];

/** The independent reading of the spec (fuzz/oracle/, binary-parser) against the codec. */
export const ORACLE_PROPERTIES: FuzzProperty[] = [
  defineProperty({ name: 'oracle-agrees', summary: 'the binary-parser oracle (fuzz/oracle) reads every canonical frame as the codec does', arbitrary: () => canonicalFrameArb(), check: oracleAgrees, testRuns: 200 }),
];

export const VALIDATE_PROPERTIES: FuzzProperty[] = [
  defineProperty({ name: 'schema-valid-events', summary: 'generated special events pass validate(), also after the codec; removing a Mandatory attribute fails with its rule id', arbitrary: () => specialEventArb(), check: schemas.wireEvent, testRuns: 200 }),
  defineProperty({ name: 'schema-delivered-events', summary: 'delivered special events (Server set) pass validate(..., { delivered: true }); removing Server fails with its rule id', arbitrary: () => specialEventArb({ delivered: true }), check: schemas.deliveredEvent, testRuns: 150 }),
];

export const SERVER_PROPERTIES: FuzzProperty[] = [
  defineProperty({
    name: 'live-server',
    summary: 'random valid and damaged request sequences from several clients against the simulator or a --target, judged by the conformance rules: every message valid, each request answered, events to exactly the clients entitled, no crash',
    arbitrary: () => serverScriptArb(),
    check: (s: Parameters<typeof liveServer>[0]) => liveServer(s),
    testRuns: 60,
    async: true,
    teardown: closeSharedSimulator,
  }),
];

/** Arbitrary bytes, half of them behind a plausible length prefix so they reach the body parser. */
function randomBytesArb(): fc.Arbitrary<Uint8Array> {
  const raw = fc.uint8Array({ maxLength: 256 });
  const framed = fc.uint8Array({ maxLength: 256 }).map((body) => {
    const f = new Uint8Array(4 + body.length);
    new DataView(f.buffer).setUint32(0, body.length);
    f.set(body, 4);
    return f;
  });
  return fc.oneof(raw, framed);
}
