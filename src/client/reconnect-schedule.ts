/**
 * The order and timing of connection attempts over the endpoint pool, kept
 * pure so the escalation can be tested without sockets or clocks.
 *
 * A pass tries every endpoint once, starting with `startIndex` (the endpoint
 * just lost, or the primary when opening). Before the first attempt of the
 * first pass: no delay when opening, a random delay in [0, randomDelayMs)
 * when reconnecting. Before moving on to the next endpoint: switchoverDelayMs.
 * Before each later pass: retryDelaysMs[pass - 1], the last value repeating.
 */
import type { Endpoint } from './endpoint.js';
import type { ResolvedReconnect } from './options.js';

export interface Attempt {
  readonly endpoint: Endpoint;
  /** Wait this long before the attempt, ms. */
  readonly delayMs: number;
  /** 0-based pass over the pool. */
  readonly pass: number;
}

interface ScheduleStart {
  /** Index in the pool of the first endpoint to try. */
  startIndex: number;
  /** Opening for the first time (no random delay) rather than reconnecting. */
  initial: boolean;
  random: () => number;
}

/** The pool is read at each step, so a backup learned mid-cycle is tried too. */
export function* reconnectSchedule(pool: readonly Endpoint[], policy: ResolvedReconnect, start: ScheduleStart): Generator<Attempt> {
  for (let pass = 0; pass < policy.maxPasses; pass++) {
    for (let step = 0; step < pool.length; step++) {
      const endpoint = pool[(start.startIndex + step) % pool.length]!;
      yield { endpoint, delayMs: delayBefore(pass, step, policy, start), pass };
    }
  }
}

function delayBefore(pass: number, step: number, policy: ResolvedReconnect, start: ScheduleStart): number {
  if (step > 0) return policy.switchoverDelayMs;
  if (pass > 0) return policy.retryDelaysMs[Math.min(pass - 1, policy.retryDelaysMs.length - 1)]!;
  return start.initial ? 0 : Math.floor(start.random() * policy.randomDelayMs);
}
