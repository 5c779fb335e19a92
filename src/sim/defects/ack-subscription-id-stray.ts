import { editEach } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'ack-subscription-id-stray',
  does: 'Every EventACK that does not answer TTransactionMonitoring() carries a SubscriptionID.',
  breaks: 'EventACK.note.b.0',
  mutate: (ds, at) => (at.request?.Event === 'RequestTransactionMonitoring' ? ds : editEach(ds, 'EventACK', (m) => (m.SubscriptionID = 'sub-stray'))),
});
