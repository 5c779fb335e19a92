import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'reserved-timeout-seconds',
  where: 'server',
  does: 'EventAgentReserved reports Timeout in seconds instead of milliseconds.',
  breaks: 'EventAgentReserved.note.b.0',
  mutate: (ds) => editEach(ds, 'EventAgentReserved', (m) => m.Timeout !== undefined && (m.Timeout = Math.round(m.Timeout / 1000))),
} as const satisfies Defect;
