import { without } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'ack-missing-set-input-mask',
  where: 'server',
  does: 'RequestSetInputMask is silently accepted with no EventACK.',
  breaks: 'EventACK.description.1',
  noticedByWaiting: true,
  mutate: (ds, at) => (at.request?.Event === 'RequestSetInputMask' ? without(ds, (d) => d.message.Event === 'EventACK') : ds),
} as const satisfies Defect;
