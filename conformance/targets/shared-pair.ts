/**
 * A target on a pair the runner does not own (a TCP pair, a bridge's
 * servers): one pair for every scenario, so not isolated; the hook's
 * switchovers followed and undone after each scenario (roles.ts); the hook's
 * lease passed on; nothing of its own to release or close.
 */
import type { Control } from '../model/scenario.js';
import { followSwitchovers, type FollowedPair } from './roles.js';
import type { Target, TargetSession } from './target.js';

export interface SharedPairParts extends Pick<Target, 'description' | 'info' | 'unmet'> {
  /** How a session reaches the servers and the application. */
  session: Pick<TargetSession, 'connect' | 'openApp' | 'address'>;
}

export function sharedPairTarget(hook: Control | undefined, parts: (pair: FollowedPair) => SharedPairParts): Target {
  const pair = followSwitchovers(hook);
  const { session, ...rest } = parts(pair);
  return {
    ...rest,
    isolated: false,
    session: async (): Promise<TargetSession> => ({
      ...session,
      control: pair.control,
      restore: (changes) => pair.restore(changes),
      release: async () => undefined,
    }),
    ...(hook?.lease ? { lease: hook.lease.bind(hook) } : {}),
    close: async () => undefined,
  };
}
