import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'primary-changed-no-time',
  where: 'server',
  does: 'EventPrimaryChanged is sent without time.',
  breaks: 'EventPrimaryChanged.row.time',
  mutate: (ds) => editEach(ds, 'EventPrimaryChanged', (m) => delete m.time),
} as const satisfies Defect;
