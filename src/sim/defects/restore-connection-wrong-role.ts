import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'restore-connection-wrong-role',
  does: 'When the primary’s connection to the backup is established, EventRestoreConnection carries ServerRole 1 instead of 0.',
  breaks: 'EventRestoreConnection.attribute.ServerRole.0',
  noticedByWaiting: true,
  mutate: editing('EventRestoreConnection', (m) => m.ServerRole === 0 && (m.ServerRole = 1)),
});
