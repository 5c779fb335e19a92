import { moveAfter } from './reorder.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'link-disconnected-after-primary-changed',
  does: 'On a switchover to a backup whose link is down, EventLinkDisconnected comes after EventPrimaryChanged instead of before.',
  breaks: 'EventPrimaryChanged.warning.2',
  mutate: (ds, at) => (at.action === 'switchover' ? moveAfter(ds, 'EventLinkDisconnected', 'EventPrimaryChanged') : ds),
});
