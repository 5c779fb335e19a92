import { SUBSCRIPTION_OPERATION } from '../../registry.js';
import { editEach } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'subscription-id-on-stop',
  does: 'The EventACK answering SubscriptionStop and SubscriptionModify carries a SubscriptionID.',
  breaks: 'EventACK.note.b.0',
  mutate: (ds, at) => {
    const r = at.request;
    if (r?.Event !== 'RequestTransactionMonitoring' || r.SubscriptionOperation === SUBSCRIPTION_OPERATION.SubscriptionStart || r.SubscriptionID === undefined) return ds;
    const id = r.SubscriptionID;
    return editEach(ds, 'EventACK', (m) => (m.SubscriptionID = id));
  },
});
