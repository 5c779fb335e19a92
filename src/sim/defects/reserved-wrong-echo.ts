import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'reserved-wrong-echo',
  where: 'server',
  does: 'EventAgentReserved carries an AgentID other than the TReserveAgent() parameter.',
  breaks: 'EventAgentReserved.note.a.1',
  mutate: (ds, at) => editEach(ds, 'EventAgentReserved', (m) => (m.AgentID = `${at.request?.AgentID ?? 'agent'}-wrong`)),
} as const satisfies Defect;
