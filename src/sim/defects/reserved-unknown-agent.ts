import { SIM_ERROR } from '../error-codes.js';
import { acceptRefused } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'reserved-unknown-agent',
  does: 'TReserveAgent() for an agent the switch does not have is answered EventAgentReserved instead of refused.',
  breaks: 'EventAgentReserved.description.0',
  mutate: acceptRefused('RequestReserveAgent', SIM_ERROR.UNKNOWN_AGENT.code, 'EventAgentReserved', ['AgentID', 'Place', 'ThisDN', 'Timeout']),
});
