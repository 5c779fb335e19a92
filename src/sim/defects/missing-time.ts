import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'missing-time',
  where: 'server',
  does: 'EventPrivateInfo is sent without time.',
  breaks: 'EventPrivateInfo.row.time',
  mutate: (ds) => editEach(ds, 'EventPrivateInfo', (m) => delete m.time),
} as const satisfies Defect;
