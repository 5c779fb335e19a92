import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'call-info-wrong-conn-id',
  does: 'EventCallInfoChanged carries the ConnID of another call than the one TSetCallInfo() changed.',
  breaks: 'EventCallInfoChanged.description.0',
  mutate: editing('EventCallInfoChanged', (m) => {
    const id = m.ConnID;
    if (id !== undefined) m.ConnID = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
  }),
});
