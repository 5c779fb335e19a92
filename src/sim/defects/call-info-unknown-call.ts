import { SIM_ERROR } from '../error-codes.js';
import { acceptRefused } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'call-info-unknown-call',
  does: 'TSetCallInfo() for a ConnID of no call is answered EventCallInfoChanged instead of refused.',
  breaks: 'EventCallInfoChanged.description.0',
  mutate: acceptRefused('RequestSetCallInfo', SIM_ERROR.UNKNOWN_CALL.code, 'EventCallInfoChanged', ['ConnID', 'CustomerID']),
});
