import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'reserved-echoes-absent-parameter',
  does: 'EventAgentReserved names a Place and a ThisDN the TReserveAgent() request did not have.',
  breaks: 'EventAgentReserved.description.0',
  mutate: editing('EventAgentReserved', (m) => {
    m.Place ??= 'place-of-the-switch';
    m.ThisDN ??= 'dn-of-the-switch';
  }),
});
