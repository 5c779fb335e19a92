import { without } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'reserved-not-to-registered',
  where: 'server',
  does: 'EventAgentReserved is sent to the requester only, not to clients registered on the agent’s DN.',
  breaks: 'EventAgentReserved.description.1',
  noticedByWaiting: true,
  mutate: (ds) => without(ds, (d) => d.message.Event === 'EventAgentReserved' && d.audience === 'fanout'),
} as const satisfies Defect;
