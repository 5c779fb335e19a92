import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'ack-no-reference-id',
  does: 'EventACK is sent without ReferenceID.',
  breaks: 'EventACK.row.ReferenceID',
  mutate: editing('EventACK', (m) => delete m.ReferenceID),
});
