import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'restore-connection-backup-role-0',
  does: 'When a primary is changed to backup, its EventRestoreConnection carries ServerRole 0 instead of 1.',
  breaks: 'EventRestoreConnection.attribute.ServerRole.1',
  mutate: editing('EventRestoreConnection', (m) => m.ServerRole === 1 && (m.ServerRole = 0)),
});
