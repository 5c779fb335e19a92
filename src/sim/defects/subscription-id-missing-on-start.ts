import { SUBSCRIPTION_OPERATION } from '../../registry.js';
import { editEach } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'subscription-id-missing-on-start',
  does: 'The EventACK answering TTransactionMonitoring SubscriptionStart has no SubscriptionID.',
  breaks: 'EventACK.note.b.0',
  mutate: (ds, at) =>
    at.request?.Event === 'RequestTransactionMonitoring' && at.request.SubscriptionOperation === SUBSCRIPTION_OPERATION.SubscriptionStart
      ? editEach(ds, 'EventACK', (m) => delete m.SubscriptionID)
      : ds,
});
