import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'ack-wrong-user-event',
  does: 'EventACK carries a UserEvent naming another request type than the one acknowledged.',
  breaks: 'EventACK.note.a.0',
  mutate: editing('EventACK', (m) => m.UserEvent !== undefined && (m.UserEvent += 1)),
});
