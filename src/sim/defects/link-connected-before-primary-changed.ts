import { moveBefore } from './reorder.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'link-connected-before-primary-changed',
  where: 'server',
  does: 'On a switchover to a backup whose link is up (old primary’s down), EventLinkConnected comes before EventPrimaryChanged instead of after.',
  breaks: 'EventPrimaryChanged.warning.3',
  mutate: (ds, at) => (at.action === 'switchover' ? moveBefore(ds, 'EventLinkConnected', 'EventPrimaryChanged') : ds),
} as const satisfies Defect;
