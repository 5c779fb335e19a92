import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'hardware-error-no-time',
  where: 'server',
  does: 'EventHardwareError is sent without time.',
  breaks: 'EventHardwareError.row.time',
  mutate: (ds) => editEach(ds, 'EventHardwareError', (m) => delete m.time),
} as const satisfies Defect;
