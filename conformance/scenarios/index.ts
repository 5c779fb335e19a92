/** The catalogue, in report order. Ids are semantic: adding a scenario renames none. */
import type { Scenario } from '../model/scenario.js';
import { ACK_SCENARIOS } from './ack.js';
import { AGENT_RESERVED_SCENARIOS } from './agent-reserved.js';
import { CALL_INFO_SCENARIOS } from './call-info.js';
import { HARDWARE_ERROR_SCENARIOS } from './hardware-error.js';
import { OBSOLETE_SCENARIOS } from './obsolete.js';
import { PRIMARY_CHANGED_SCENARIOS } from './primary-changed.js';
import { PRIVATE_INFO_SCENARIOS } from './private-info.js';
import { RESTORE_CONNECTION_SCENARIOS } from './restore-connection.js';
import { SCHEMA_SCENARIOS } from './schema.js';
import { USER_EVENT_SCENARIOS } from './user-event.js';

export const SCENARIOS: readonly Scenario[] = [
  ...ACK_SCENARIOS,
  ...AGENT_RESERVED_SCENARIOS,
  ...CALL_INFO_SCENARIOS,
  ...PRIVATE_INFO_SCENARIOS,
  ...USER_EVENT_SCENARIOS,
  ...PRIMARY_CHANGED_SCENARIOS,
  ...RESTORE_CONNECTION_SCENARIOS,
  ...HARDWARE_ERROR_SCENARIOS,
  ...OBSOLETE_SCENARIOS,
  ...SCHEMA_SCENARIOS,
];
