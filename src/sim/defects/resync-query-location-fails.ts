import { errorEvent } from '../events.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'resync-query-location-fails',
  does: 'After a switchover the new primary answers RequestQueryLocation with EventError.',
  breaks: 'EventPrimaryChanged.warning.0',
  mutate: (ds, at) =>
    at.request?.Event === 'RequestQueryLocation' && at.ctx.state.switchovers > 0
      ? ds.map((d) => (d.message.Event === 'EventLocationInfo' ? { ...d, message: errorEvent('UNSUPPORTED_REQUEST', 'location unavailable after switchover', at.request?.ReferenceID) } : d))
      : ds,
});
