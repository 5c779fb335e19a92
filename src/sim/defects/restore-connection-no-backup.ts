import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'restore-connection-no-backup',
  where: 'server',
  does: 'EventRestoreConnection carries no UserData naming the backup.',
  breaks: 'EventRestoreConnection.attribute.UserData.0',
  mutate: (ds) => editEach(ds, 'EventRestoreConnection', (m) => delete m.UserData),
} as const satisfies Defect;
