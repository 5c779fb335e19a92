import { fanOutToAll } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'reserved-leak',
  where: 'server',
  does: 'EventAgentReserved is also sent to a client registered on no relevant DN.',
  breaks: 'EventAgentReserved.description.1',
  mutate: fanOutToAll('EventAgentReserved'),
} as const satisfies Defect;
