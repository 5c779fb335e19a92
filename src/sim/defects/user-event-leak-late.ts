import { lateLeak } from './late-leak.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'user-event-leak-late',
  does: 'EventUserEvent also reaches every client not registered on ThisDN, 300 ms late (twice the quiet time absence checks used to wait), but before anything the server writes to that client afterwards.',
  breaks: 'EventUserEvent.description.0',
  mutate: lateLeak('EventUserEvent'),
});
