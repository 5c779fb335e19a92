import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'private-info-no-private-event',
  where: 'server',
  does: 'EventPrivateInfo is sent without PrivateEvent.',
  breaks: 'EventPrivateInfo.row.PrivateEvent',
  mutate: (ds) => editEach(ds, 'EventPrivateInfo', (m) => delete m.PrivateEvent),
} as const satisfies Defect;
