import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'user-event-drops-user-data',
  where: 'server',
  does: 'EventUserEvent is delivered without the UserData its initiator specified.',
  breaks: 'EventUserEvent.contents.1',
  mutate: (ds) => editEach(ds, 'EventUserEvent', (m) => delete m.UserData),
} as const satisfies Defect;
