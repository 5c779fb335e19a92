import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'user-event-drops-user-data',
  does: 'EventUserEvent is delivered without the UserData its initiator specified.',
  breaks: 'EventUserEvent.contents.1',
  mutate: editing('EventUserEvent', (m) => delete m.UserData),
});
