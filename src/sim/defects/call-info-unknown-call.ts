import { SIM_ERROR } from '../error-codes.js';
import { acceptRefused } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'call-info-unknown-call',
  where: 'server',
  does: 'TSetCallInfo() for a ConnID of no call is answered EventCallInfoChanged instead of refused.',
  breaks: 'EventCallInfoChanged.description.0',
  mutate: acceptRefused('RequestSetCallInfo', SIM_ERROR.UNKNOWN_CALL.code, 'EventCallInfoChanged', ['ConnID', 'CustomerID']),
} as const satisfies Defect;
