import { lateLeak } from './late-leak.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'user-event-leak-late',
  where: 'server',
  does: 'EventUserEvent also reaches every client not registered on ThisDN, 300 ms late (twice the quiet time absence checks used to wait), but before anything the server writes to that client afterwards.',
  breaks: 'EventUserEvent.description.0',
  mutate: lateLeak('EventUserEvent'),
} as const satisfies Defect;
