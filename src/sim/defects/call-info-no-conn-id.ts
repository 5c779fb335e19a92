import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'call-info-no-conn-id',
  does: 'EventCallInfoChanged is sent without ConnID.',
  breaks: 'EventCallInfoChanged.row.ConnID',
  mutate: editing('EventCallInfoChanged', (m) => delete m.ConnID),
});
