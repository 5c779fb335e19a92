import { fanOutToAll } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'reserved-leak',
  does: 'EventAgentReserved is also sent to a client registered on no relevant DN.',
  breaks: 'EventAgentReserved.description.1',
  mutate: fanOutToAll('EventAgentReserved'),
});
