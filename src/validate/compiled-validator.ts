/**
 * The shape of the precompiled validators (src/validate/generated/), typed
 * here so nothing at run time or in the published types needs ajv.
 */
import type { SpecialEventName } from '../registry.js';
import type { DELIVERED_DEF } from './schema-ids.js';

/** One schema failure as ajv reports it: what violations are derived from. */
export interface ValidatorError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  /** The subschema holding the failing keyword (ajv's `verbose` option). */
  parentSchema?: unknown;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  /** Set by the last call: null when it passed. */
  errors?: ValidatorError[] | null;
}

export type ValidatorName = 'message' | SpecialEventName | `${SpecialEventName}_${typeof DELIVERED_DEF}`;
