import { fanOutToAll } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'private-info-leak',
  does: 'EventPrivateInfo is also sent to a client that neither requested it nor is registered on the device.',
  breaks: 'EventPrivateInfo.distribution.0',
  mutate: fanOutToAll('EventPrivateInfo'),
});
