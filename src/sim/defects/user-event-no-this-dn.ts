import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'user-event-no-this-dn',
  where: 'server',
  does: 'EventUserEvent is sent without ThisDN.',
  breaks: 'EventUserEvent.row.ThisDN',
  mutate: (ds) => editEach(ds, 'EventUserEvent', (m) => delete m.ThisDN),
} as const satisfies Defect;
