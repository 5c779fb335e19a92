import { event } from '../events.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'obsolete-event',
  where: 'server',
  does: 'EventResourceAllocated is emitted when a DN is registered.',
  breaks: 'EventResourceAllocated.title',
  mutate: (ds) => ds.flatMap((d) => (d.message.Event === 'EventRegistered' ? [d, { audience: d.audience, to: d.to, message: event('EventResourceAllocated', { ThisDN: d.message.ThisDN }) }] : [d])),
} as const satisfies Defect;
