import { editEach } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'restore-connection-wrong-role',
  where: 'server',
  does: 'When the primary’s connection to the backup is established, EventRestoreConnection carries ServerRole 1 instead of 0.',
  breaks: 'EventRestoreConnection.attribute.ServerRole.0',
  noticedByWaiting: true,
  mutate: (ds) => editEach(ds, 'EventRestoreConnection', (m) => m.ServerRole === 0 && (m.ServerRole = 1)),
} as const satisfies Defect;
