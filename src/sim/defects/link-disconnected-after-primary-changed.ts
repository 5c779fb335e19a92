import { moveAfter } from './reorder.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'link-disconnected-after-primary-changed',
  where: 'server',
  does: 'On a switchover to a backup whose link is down, EventLinkDisconnected comes after EventPrimaryChanged instead of before.',
  breaks: 'EventPrimaryChanged.warning.2',
  mutate: (ds, at) => (at.action === 'switchover' ? moveAfter(ds, 'EventLinkDisconnected', 'EventPrimaryChanged') : ds),
} as const satisfies Defect;
