import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'primary-changed-no-time',
  does: 'EventPrimaryChanged is sent without time.',
  breaks: 'EventPrimaryChanged.row.time',
  mutate: editing('EventPrimaryChanged', (m) => delete m.time),
});
