import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'call-info-wrong-conn-id',
  where: 'server',
  does: 'EventCallInfoChanged carries the ConnID of another call than the one TSetCallInfo() changed.',
  breaks: 'EventCallInfoChanged.description.0',
  mutate: (ds) =>
    editEach(ds, 'EventCallInfoChanged', (m) => {
      const id = m.ConnID;
      if (id !== undefined) m.ConnID = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
    }),
} as const satisfies Defect;
