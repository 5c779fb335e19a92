import { without } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'hardware-error-missing',
  where: 'server',
  does: 'A switch-side fault is swallowed: no EventHardwareError is sent.',
  breaks: 'EventHardwareError.description.0',
  noticedByWaiting: true,
  mutate: (ds) => without(ds, (d) => d.message.Event === 'EventHardwareError'),
} as const satisfies Defect;
