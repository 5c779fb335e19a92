import { withholdingDefect } from './server-defect.js';

export const defect = withholdingDefect({
  name: 'reserved-not-to-registered',
  does: 'EventAgentReserved is sent to the requester only, not to clients registered on the agent’s DN.',
  breaks: 'EventAgentReserved.description.1',
  withholds: 'EventAgentReserved',
  audience: 'fanout',
});
