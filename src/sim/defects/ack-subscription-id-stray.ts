import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'ack-subscription-id-stray',
  where: 'server',
  does: 'Every EventACK that does not answer TTransactionMonitoring() carries a SubscriptionID.',
  breaks: 'EventACK.note.b.0',
  mutate: (ds, at) => (at.request?.Event === 'RequestTransactionMonitoring' ? ds : editEach(ds, 'EventACK', (m) => (m.SubscriptionID = 'sub-stray'))),
} as const satisfies Defect;
