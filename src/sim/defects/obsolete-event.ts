import { event } from '../events.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'obsolete-event',
  does: 'EventResourceAllocated is emitted when a DN is registered.',
  breaks: 'EventResourceAllocated.title',
  mutate: (ds) => ds.flatMap((d) => (d.message.Event === 'EventRegistered' ? [d, { audience: d.audience, to: d.to, message: event('EventResourceAllocated', { ThisDN: d.message.ThisDN }) }] : [d])),
});
