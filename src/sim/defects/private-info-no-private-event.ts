import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'private-info-no-private-event',
  does: 'EventPrivateInfo is sent without PrivateEvent.',
  breaks: 'EventPrivateInfo.row.PrivateEvent',
  mutate: editing('EventPrivateInfo', (m) => delete m.PrivateEvent),
});
