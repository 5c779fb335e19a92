import type { Defect } from './types.js';

/** Carried by the embedded client library (conformance/targets/library-app.ts), not by the simulator. */
export const defect = {
  name: 'restore-connection-delivered',
  where: 'client',
  does: 'The embedded client library dispatches EventRestoreConnection to the application.',
  breaks: 'EventRestoreConnection.important.0',
} as const satisfies Defect;
