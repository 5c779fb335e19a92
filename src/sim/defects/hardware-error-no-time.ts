import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'hardware-error-no-time',
  does: 'EventHardwareError is sent without time.',
  breaks: 'EventHardwareError.row.time',
  mutate: editing('EventHardwareError', (m) => delete m.time),
});
