import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'missing-time',
  does: 'EventPrivateInfo is sent without time.',
  breaks: 'EventPrivateInfo.row.time',
  mutate: editing('EventPrivateInfo', (m) => delete m.time),
});
