import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'ack-no-reference-id',
  where: 'server',
  does: 'EventACK is sent without ReferenceID.',
  breaks: 'EventACK.row.ReferenceID',
  mutate: (ds) => editEach(ds, 'EventACK', (m) => delete m.ReferenceID),
} as const satisfies Defect;
