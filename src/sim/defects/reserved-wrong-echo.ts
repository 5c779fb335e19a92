import { editEach } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'reserved-wrong-echo',
  does: 'EventAgentReserved carries an AgentID other than the TReserveAgent() parameter.',
  breaks: 'EventAgentReserved.note.a.1',
  mutate: (ds, at) => editEach(ds, 'EventAgentReserved', (m) => (m.AgentID = `${at.request?.AgentID ?? 'agent'}-wrong`)),
});
