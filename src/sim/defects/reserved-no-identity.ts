import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'reserved-no-identity',
  where: 'server',
  does: 'EventAgentReserved carries none of AgentID, Place, ThisDN.',
  breaks: 'EventAgentReserved.note.a.0',
  mutate: (ds) =>
    editEach(ds, 'EventAgentReserved', (m) => {
      delete m.AgentID;
      delete m.Place;
      delete m.ThisDN;
    }),
} as const satisfies Defect;
