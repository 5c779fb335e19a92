import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'ack-wrong-user-event',
  where: 'server',
  does: 'EventACK carries a UserEvent naming another request type than the one acknowledged.',
  breaks: 'EventACK.note.a.0',
  mutate: (ds) => editEach(ds, 'EventACK', (m) => m.UserEvent !== undefined && (m.UserEvent += 1)),
} as const satisfies Defect;
