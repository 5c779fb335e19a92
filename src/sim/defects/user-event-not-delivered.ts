import { without } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'user-event-not-delivered',
  where: 'server',
  does: 'RequestDistributeUserEvent is acknowledged but no EventUserEvent reaches the clients registered on ThisDN.',
  breaks: 'EventUserEvent.description.0',
  noticedByWaiting: true,
  mutate: (ds) => without(ds, (d) => d.message.Event === 'EventUserEvent'),
} as const satisfies Defect;
