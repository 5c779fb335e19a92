/**
 * Where the live-server property plays its scripts, and with what: the
 * server (and its backup, which must keep accepting clients too), the DNs
 * that stand for the script's DN slots, the agents a reservation may name,
 * the application password every registration carries and how long a step
 * may take. Built from a conform profile (spec/profile.schema.json), so
 * fuzzing a vendor's server uses exactly what `conform` was told it has.
 */
import { DEFAULT_STEP_MS, type Profile } from '../../conformance/profile/model.js';
import { DN_SLOTS } from '../arbitrary/server-script.js';

export interface Address {
  host: string;
  port: number;
}

export interface LiveAgent {
  agentId: string;
  place?: string;
}

export interface LiveTarget {
  primary: Address;
  backup?: Address;
  /** The DN of each slot, DN_SLOTS of them. */
  dns: readonly string[];
  /** Agents a reservation names (slot k is agent k modulo their number); none: a reservation names only the DN. */
  agents: readonly LiveAgent[];
  /** Sent as ApplicationPassword in every RequestRegisterClient. */
  password?: string;
  /** How long an answer, or an owed delivery, may take. */
  stepMs: number;
}

/** What of a profile the live property uses, beside the DNs of its stream. */
export type ProfileTerms = Pick<LiveTarget, 'agents' | 'password' | 'stepMs'>;

export function termsOfProfile(profile: Profile | undefined): ProfileTerms {
  const password = profile?.credentials?.applicationPassword;
  return {
    agents: (profile?.agents ?? []).map((a) => ({ agentId: a.agentId, ...(a.place !== undefined ? { place: a.place } : {}) })),
    ...(password !== undefined ? { password } : {}),
    stepMs: profile?.timeouts?.stepMs ?? DEFAULT_STEP_MS,
  };
}

export function checkLiveTarget(target: LiveTarget): LiveTarget {
  if (target.dns.length !== DN_SLOTS) throw new RangeError(`a live target needs ${DN_SLOTS} DNs, got ${target.dns.length}`);
  if (!(target.stepMs > 0)) throw new RangeError(`a live target's step bound must be positive, got ${target.stepMs}`);
  return target;
}
