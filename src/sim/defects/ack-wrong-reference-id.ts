import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'ack-wrong-reference-id',
  does: 'EventACK carries a ReferenceID one greater than the request’s.',
  breaks: 'EventACK.description.0',
  noticedByWaiting: true,
  mutate: editing('EventACK', (m) => m.ReferenceID !== undefined && (m.ReferenceID += 1)),
});
