/** A need the profile's "supports" entry rules out, with the words that say so; absent entries rule out nothing. */
import type { Need } from '../model/scenario.js';
import type { LoadedProfile } from './model.js';

export function profileUnmet(need: Need, { profile, source }: LoadedProfile): string | undefined {
  const supports = profile.supports ?? {};
  if (need === 'pair' && supports.pair === false) return `the profile says the target is no hot-standby pair ("supports.pair" in ${source})`;
  if (need === 'app-view' && supports.appView === false) return `the profile says the target has no application view ("supports.appView" in ${source})`;
  if (need.startsWith('control:') && supports.control) {
    const action = need.slice(8) as 'switchover' | 'link' | 'fault' | 'call';
    if (!supports.control.includes(action)) return `the profile says the control hook cannot do ${action} ("supports.control" in ${source})`;
  }
  return undefined;
}
