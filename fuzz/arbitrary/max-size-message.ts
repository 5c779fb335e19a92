/**
 * A message with one string or binary attribute (any of the registry's) sized
 * so that its frame body is exactly DEFAULT_LIMITS.maxFrameBytes plus `over`
 * bytes (over in [-3, 3]): the largest frame decode() accepts, and the first
 * ones it must refuse.
 */
import fc from 'fast-check';
import { ATTRIBUTES, DEFAULT_LIMITS, encode, MESSAGES, type Message } from '../../src/index.js';
import { VALUE_KINDS, type AttributeKind } from '../../src/registry.js';

export interface MaxSizeMessage {
  message: Message;
  /** Body length minus maxFrameBytes. */
  over: number;
}

const carriers = ATTRIBUTES.filter((a) => a.kind === 'string' || a.kind === 'binary');
const live = MESSAGES.filter((m) => !('obsolete' in m));

function sized(event: string, name: string, kind: AttributeKind, n: number, fill: string): Message {
  const value = VALUE_KINDS[kind].js === 'Uint8Array' ? new Uint8Array(n).fill(0x5a) : fill === 'x' ? 'x'.repeat(n) : `${'x'.repeat(Math.max(0, n - 4))}${fill}`;
  return { Event: event, [name]: value } as unknown as Message;
}

export function maxSizeMessageArb(): fc.Arbitrary<MaxSizeMessage> {
  return fc.tuple(fc.constantFrom(...live), fc.constantFrom(...carriers), fc.integer({ min: -3, max: 3 }), fc.constantFrom('x', '😀')).map(([msg, attr, over, fill]) => {
    const target = DEFAULT_LIMITS.maxFrameBytes + over;
    const probe = 1000;
    const overhead = encode(sized(msg.name, attr.name, attr.kind, probe, fill)).length - 4 - probe;
    // One more varint byte for the length at this size (1000 needs 2, ~1 MiB needs 3).
    const n = target - overhead - 1;
    const message = sized(msg.name, attr.name, attr.kind, n, fill);
    return { message, over };
  });
}
