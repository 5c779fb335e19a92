import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'restore-connection-backup-role-0',
  where: 'server',
  does: 'When a primary is changed to backup, its EventRestoreConnection carries ServerRole 0 instead of 1.',
  breaks: 'EventRestoreConnection.attribute.ServerRole.1',
  mutate: (ds) => editEach(ds, 'EventRestoreConnection', (m) => m.ServerRole === 1 && (m.ServerRole = 0)),
} as const satisfies Defect;
