/**
 * Which configured server has which role now, on a shared pair: each
 * switchover through the hook swaps them, and `restore` puts links up and the
 * original primary back, so every scenario (and the next run) starts from
 * the pair as it was configured.
 */
import type { Control, ServerSide } from '../model/scenario.js';
import { targetError } from '../model/failure.js';
import type { ControlChanges } from './target.js';

export interface FollowedPair {
  /** The control hook, its switchover swapping the roles. */
  control: Control | undefined;
  /** The configured server ("primary" = the one given as primary) that has `role` now. */
  serverOf(role: ServerSide): ServerSide;
  restore(changes: ControlChanges): Promise<void>;
}

export function followSwitchovers(hook: Control | undefined): FollowedPair {
  let swapped = false;
  const control: Control | undefined = hook && {
    ...hook,
    switchover: async () => {
      await hook.switchover();
      swapped = !swapped;
    },
  };
  return {
    control,
    serverOf: (role) => (swapped === (role === 'primary') ? 'backup' : 'primary'),
    restore: async (changes) => {
      if (!control) return;
      if (changes.links || changes.failed) {
        await control.setLink('primary', true);
        await control.setLink('backup', true);
      }
      // A hook that failed or overran may have switched or not: ask the pair, where the hook can say, before trusting our count.
      const actual = changes.failed ? await hook?.state?.() : undefined;
      if (actual !== undefined) swapped = actual === 'backup';
      if (swapped) await control.switchover();
      if (changes.failed && actual !== undefined && (await hook?.state?.()) !== 'primary') {
        throw targetError('after a control action failed, the pair could not be put back in its configured roles (the control hook\'s state does not name the configured primary)');
      }
    },
  };
}
