/**
 * The committed schema files, exactly as vendors load them. Validation uses
 * these (not the builder's output), so what we check is what we publish.
 */
import defs from '../../spec/defs/tlib.schema.json' with { type: 'json' };
import message from '../../spec/defs/message.schema.json' with { type: 'json' };
import EventACK from '../../spec/events/EventACK.schema.json' with { type: 'json' };
import EventAgentReserved from '../../spec/events/EventAgentReserved.schema.json' with { type: 'json' };
import EventCallInfoChanged from '../../spec/events/EventCallInfoChanged.schema.json' with { type: 'json' };
import EventHardwareError from '../../spec/events/EventHardwareError.schema.json' with { type: 'json' };
import EventPrimaryChanged from '../../spec/events/EventPrimaryChanged.schema.json' with { type: 'json' };
import EventPrivateInfo from '../../spec/events/EventPrivateInfo.schema.json' with { type: 'json' };
import EventResourceAllocated from '../../spec/events/EventResourceAllocated.schema.json' with { type: 'json' };
import EventResourceFreed from '../../spec/events/EventResourceFreed.schema.json' with { type: 'json' };
import EventRestoreConnection from '../../spec/events/EventRestoreConnection.schema.json' with { type: 'json' };
import EventUserEvent from '../../spec/events/EventUserEvent.schema.json' with { type: 'json' };
import type { SpecialEventName } from '../registry.js';
import type { Schema } from './schema-ids.js';

export const DEFS_SCHEMA: Schema = defs;
export const MESSAGE_SCHEMA: Schema = message;

export const EVENT_SCHEMAS: Readonly<Record<SpecialEventName, Schema>> = {
  EventACK,
  EventAgentReserved,
  EventCallInfoChanged,
  EventHardwareError,
  EventPrimaryChanged,
  EventPrivateInfo,
  EventResourceAllocated,
  EventResourceFreed,
  EventRestoreConnection,
  EventUserEvent,
};
