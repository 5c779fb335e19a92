/** The precompiled validator of one special event or of any message (scripts/gen-validators.ts). */
import type { SpecialEventName } from '../registry.js';
import type { CompiledValidator } from './compiled-validator.js';
import { VALIDATORS } from './generated/validators.js';
import { DELIVERED_DEF } from './schema-ids.js';

/** The validator of one special event, on the wire or as delivered to the application. */
export function eventValidator(event: SpecialEventName, delivered: boolean): CompiledValidator {
  return VALIDATORS[delivered ? (`${event}_${DELIVERED_DEF}` as const) : event];
}

export function messageValidator(): CompiledValidator {
  return VALIDATORS.message;
}
