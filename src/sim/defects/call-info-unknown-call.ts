import { event } from '../events.js';
import { SIM_ERROR } from '../error-codes.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'call-info-unknown-call',
  where: 'server',
  does: 'TSetCallInfo() for a ConnID of no call is answered EventCallInfoChanged instead of refused.',
  breaks: 'EventCallInfoChanged.description.0',
  mutate: (ds, at) => {
    for (const d of ds) {
      if (at.request?.Event !== 'RequestSetCallInfo' || d.message.Event !== 'EventError' || d.message.ErrorCode !== SIM_ERROR.UNKNOWN_CALL.code) continue;
      const { ConnID, CustomerID, ReferenceID } = at.request;
      d.message = event('EventCallInfoChanged', { ConnID, CustomerID, ReferenceID });
    }
    return ds;
  },
} as const satisfies Defect;
