import { withholdingDefect } from './server-defect.js';

export const defect = withholdingDefect({
  name: 'hardware-error-missing',
  does: 'A switch-side fault is swallowed: no EventHardwareError is sent.',
  breaks: 'EventHardwareError.description.0',
  withholds: 'EventHardwareError',
});
