import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'reserved-timeout-seconds',
  does: 'EventAgentReserved reports Timeout in seconds instead of milliseconds.',
  breaks: 'EventAgentReserved.note.b.0',
  mutate: editing('EventAgentReserved', (m) => m.Timeout !== undefined && (m.Timeout = Math.round(m.Timeout / 1000))),
});
