import { without } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'ack-missing-set-input-mask',
  does: 'RequestSetInputMask is silently accepted with no EventACK.',
  breaks: 'EventACK.description.1',
  noticedByWaiting: true,
  mutate: (ds, at) => (at.request?.Event === 'RequestSetInputMask' ? without(ds, (d) => d.message.Event === 'EventACK') : ds),
});
