import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'call-info-no-conn-id',
  where: 'server',
  does: 'EventCallInfoChanged is sent without ConnID.',
  breaks: 'EventCallInfoChanged.row.ConnID',
  mutate: (ds) => editEach(ds, 'EventCallInfoChanged', (m) => delete m.ConnID),
} as const satisfies Defect;
