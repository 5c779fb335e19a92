import { editing } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'restore-connection-no-backup',
  does: 'EventRestoreConnection carries no UserData naming the backup.',
  breaks: 'EventRestoreConnection.attribute.UserData.0',
  mutate: editing('EventRestoreConnection', (m) => delete m.UserData),
});
