import { lateLeak } from './late-leak.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'private-info-leak-late',
  does: 'EventPrivateInfo also reaches every other client, 300 ms late (twice the quiet time absence checks used to wait), but before anything the server writes to that client afterwards.',
  variantOf: 'private-info-leak',
  breaks: 'EventPrivateInfo.distribution.0',
  mutate: lateLeak('EventPrivateInfo'),
});
