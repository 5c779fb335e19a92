/** The library catalogue, in report order. Ids are semantic: adding a scenario renames none. */
import type { LibraryScenario } from '../scenario.js';
import { BACKUP_REFERENCE_SCENARIOS } from './backup-reference.js';
import { CLOSE_SCENARIOS } from './close.js';
import { LINK_SCENARIOS } from './link.js';
import { RESTORE_CONNECTION_SCENARIOS } from './restore-connection.js';
import { RESYNC_SCENARIOS } from './resync.js';
import { SERVER_ATTRIBUTE_SCENARIOS } from './server-attribute.js';
import { SWITCHOVER_SCENARIOS } from './switchover.js';
import { TRAFFIC_SCENARIOS } from './traffic.js';

export const LIBRARY_SCENARIOS: readonly LibraryScenario[] = [
  ...RESTORE_CONNECTION_SCENARIOS,
  ...BACKUP_REFERENCE_SCENARIOS,
  ...SWITCHOVER_SCENARIOS,
  ...LINK_SCENARIOS,
  ...RESYNC_SCENARIOS,
  ...TRAFFIC_SCENARIOS,
  ...SERVER_ATTRIBUTE_SCENARIOS,
  ...CLOSE_SCENARIOS,
];
