import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'reserved-echoes-absent-parameter',
  where: 'server',
  does: 'EventAgentReserved names a Place and a ThisDN the TReserveAgent() request did not have.',
  breaks: 'EventAgentReserved.description.0',
  mutate: (ds) =>
    editEach(ds, 'EventAgentReserved', (m) => {
      m.Place ??= 'place-of-the-switch';
      m.ThisDN ??= 'dn-of-the-switch';
    }),
} as const satisfies Defect;
