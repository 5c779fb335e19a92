import { errorEvent } from '../events.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'resync-query-location-fails',
  where: 'server',
  does: 'After a switchover the new primary answers RequestQueryLocation with EventError.',
  breaks: 'EventPrimaryChanged.warning.0',
  mutate: (ds, at) =>
    at.request?.Event === 'RequestQueryLocation' && at.ctx.state.switchovers > 0
      ? ds.map((d) => (d.message.Event === 'EventLocationInfo' ? { ...d, message: errorEvent('UNSUPPORTED_REQUEST', 'location unavailable after switchover', at.request?.ReferenceID) } : d))
      : ds,
} as const satisfies Defect;
