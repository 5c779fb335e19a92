import type { SentenceId } from '../../reference/sentences.js';
import type { Mutator } from '../delivery.js';

/**
 * A defect breaks exactly one sentence of the reference, so that every
 * conformance check can be shown to fail.
 */
export interface Defect {
  readonly name: string;
  /** server: the simulator carries it (a mutator of what it sends); client: the embedded client library does (conformance/targets). */
  readonly where: 'server' | 'client';
  /** What the defect does, one sentence. */
  readonly does: string;
  /** The sentence of the reference it breaks (spec/reference/sentences.json). */
  readonly breaks: SentenceId;
  /** Breaks the same sentence as that defect, only differently timed (so a check of one sees the other). */
  readonly variantOf?: string;
  /** A check can notice it only by waiting for a message that never comes (withheld, or sent with another ReferenceID or role), so a step timeout is how it is caught. */
  readonly noticedByWaiting?: true;
  /** Server defects: what it changes in the deliveries of one request or action. */
  readonly mutate?: Mutator;
}
