import { SIM_ERROR } from '../error-codes.js';
import { acceptRefused } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'reserved-unknown-agent',
  where: 'server',
  does: 'TReserveAgent() for an agent the switch does not have is answered EventAgentReserved instead of refused.',
  breaks: 'EventAgentReserved.description.0',
  mutate: acceptRefused('RequestReserveAgent', SIM_ERROR.UNKNOWN_AGENT.code, 'EventAgentReserved', ['AgentID', 'Place', 'ThisDN', 'Timeout']),
} as const satisfies Defect;
