import { moveBefore } from './reorder.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'link-connected-before-primary-changed',
  does: 'On a switchover to a backup whose link is up (old primary’s down), EventLinkConnected comes before EventPrimaryChanged instead of after.',
  breaks: 'EventPrimaryChanged.warning.3',
  mutate: (ds, at) => (at.action === 'switchover' ? moveBefore(ds, 'EventLinkConnected', 'EventPrimaryChanged') : ds),
});
