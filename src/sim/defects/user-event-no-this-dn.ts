import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'user-event-no-this-dn',
  does: 'EventUserEvent is sent without ThisDN.',
  breaks: 'EventUserEvent.row.ThisDN',
  mutate: editing('EventUserEvent', (m) => delete m.ThisDN),
});
