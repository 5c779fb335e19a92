import { fanOutToAll } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'private-info-leak',
  where: 'server',
  does: 'EventPrivateInfo is also sent to a client that neither requested it nor is registered on the device.',
  breaks: 'EventPrivateInfo.distribution.0',
  mutate: fanOutToAll('EventPrivateInfo'),
} as const satisfies Defect;
