import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'reserved-no-identity',
  does: 'EventAgentReserved carries none of AgentID, Place, ThisDN.',
  breaks: 'EventAgentReserved.note.a.0',
  mutate: editing('EventAgentReserved', (m) => {
    delete m.AgentID;
    delete m.Place;
    delete m.ThisDN;
  }),
});
