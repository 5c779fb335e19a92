import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'ack-wrong-reference-id',
  where: 'server',
  does: 'EventACK carries a ReferenceID one greater than the request’s.',
  breaks: 'EventACK.description.0',
  noticedByWaiting: true,
  mutate: (ds) => editEach(ds, 'EventACK', (m) => m.ReferenceID !== undefined && (m.ReferenceID += 1)),
} as const satisfies Defect;
