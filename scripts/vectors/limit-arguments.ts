/**
 * Limits given as arguments (spec/wire-format.md 10.3): which are a valid
 * argument and which are refused as a bad argument, before any input is read
 * and without a codec error code. The build runs each against decode, encode
 * and (for maxFrameBytes alone) the stream decoder, and stops if the codec
 * disagrees.
 */
import { decode, encode, FrameDecoder, isTLibError } from '../../src/index.js';

export interface LimitArgumentSource {
  name: string;
  /** As JSON: names and values exactly as a caller would pass them. */
  limits: Record<string, unknown>;
  accepted: boolean;
}

const refused = (name: string, limits: Record<string, unknown>): LimitArgumentSource => ({ name: `limit-argument/refused/${name}`, limits, accepted: false });
const accepted = (name: string, limits: Record<string, unknown>): LimitArgumentSource => ({ name: `limit-argument/accepted/${name}`, limits, accepted: true });

export const LIMIT_ARGUMENT_VECTORS: LimitArgumentSource[] = [
  refused('not-a-limit-name', { maxBogus: 1 }),
  refused('a-prototype-name-is-not-a-limit', { constructor: 1 }),
  ...['maxFrameBytes', 'maxDepth', 'maxAttributes', 'maxPairs', 'maxStringBytes', 'maxCostPerByte'].map((l) => refused(`${l}-0`, { [l]: 0 })),
  refused('negative', { maxPairs: -1 }),
  refused('not-integral', { maxDepth: 1.5 }),
  refused('a-string-of-digits', { maxDepth: '5' }),
  refused('a-boolean', { maxDepth: true }),
  refused('null', { maxDepth: null }),
  refused('maxFrameBytes-above-its-ceiling', { maxFrameBytes: 268435457 }),
  refused('maxDepth-above-its-ceiling', { maxDepth: 513 }),
  refused('maxCostPerByte-above-its-ceiling', { maxCostPerByte: 1025 }),
  refused('one-bad-among-good-ones', { maxDepth: 4, maxPairs: 0 }),
  accepted('every-limit-at-1', { maxFrameBytes: 1, maxDepth: 1, maxAttributes: 1, maxPairs: 1, maxStringBytes: 1, maxCostPerByte: 1 }),
  accepted('maxFrameBytes-at-its-ceiling', { maxFrameBytes: 268435456 }),
  accepted('maxDepth-at-its-ceiling', { maxDepth: 512 }),
  accepted('maxCostPerByte-at-its-ceiling', { maxCostPerByte: 1024 }),
  accepted('no-ceiling-for-the-others', { maxAttributes: 1e12, maxPairs: 1e12, maxStringBytes: 1e12 }),
  accepted('none-given', {}),
];

/**
 * What decode, encode and (for maxFrameBytes alone) the stream decoder do with
 * `limits`: 'accepted', 'refused' (a bad argument: an error that is not a
 * codec error), or the codec error. Decode is given the empty input, which is
 * TRUNCATED once the limits are taken: a refusal comes before any input is read.
 */
export function limitArgumentOutcome(limits: Record<string, unknown>): { decode: string; encode: string; stream?: string } {
  const run = (fn: () => unknown, takenAs?: string): string => {
    try {
      fn();
      return 'accepted';
    } catch (e) {
      if (!isTLibError(e)) return 'refused';
      return e.code === takenAs ? 'accepted' : `codec error ${e.code}`;
    }
  };
  const options = { limits } as Parameters<typeof decode>[1];
  const frameOnly = Object.keys(limits).length === 1 && 'maxFrameBytes' in limits;
  return {
    decode: run(() => decode(new Uint8Array(0), options), 'TRUNCATED'),
    encode: run(() => encode({ Event: 'EventError' }, options)),
    ...(frameOnly ? { stream: run(() => new FrameDecoder({ maxFrameBytes: limits.maxFrameBytes as number })) } : {}),
  };
}
