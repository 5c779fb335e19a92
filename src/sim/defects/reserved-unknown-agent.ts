import { event } from '../events.js';
import { SIM_ERROR } from '../error-codes.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'reserved-unknown-agent',
  where: 'server',
  does: 'TReserveAgent() for an agent the switch does not have is answered EventAgentReserved instead of refused.',
  breaks: 'EventAgentReserved.description.0',
  mutate: (ds, at) => {
    for (const d of ds) {
      if (at.request?.Event !== 'RequestReserveAgent' || d.message.Event !== 'EventError' || d.message.ErrorCode !== SIM_ERROR.UNKNOWN_AGENT.code) continue;
      const { AgentID, Place, ThisDN, Timeout, ReferenceID } = at.request;
      d.message = event('EventAgentReserved', { AgentID, Place, ThisDN, Timeout, ReferenceID });
    }
    return ds;
  },
} as const satisfies Defect;
