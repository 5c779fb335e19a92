/**
 * A target profile (spec/profile.schema.json): the resources a run may use
 * on the target and what the target supports, as data.
 */
export type DnType = 'DN' | 'Position' | 'Queue' | 'RouteDN' | 'Trunk' | 'Other';
export type ControlAction = 'switchover' | 'link' | 'fault' | 'call';

export interface ProfileDn {
  dn: string;
  type?: DnType;
}

export interface ProfileAgent {
  agentId: string;
  place?: string;
}

export interface ExistingCall {
  ConnID: string;
  ThisDN: string;
}

export type CallSource = { obtain: 'control' } | { obtain: 'existing'; calls: ExistingCall[] };

export interface Profile {
  description?: string;
  dns: ProfileDn[];
  agents?: ProfileAgent[];
  /** Resources the switch does not have: negative inputs, never leased. */
  absent?: { agents?: string[]; calls?: string[] };
  call?: CallSource;
  credentials?: { applicationPassword?: string };
  timeouts?: { stepMs?: number; startupMs?: number; quietMs?: number; controlMs?: number; settleMs?: number };
  supports?: { pair?: boolean; control?: ControlAction[]; appView?: boolean };
  /** What a client library claims, for `conform --library`. */
  library?: { takesBackup?: boolean; userDataForms?: Array<'host-port-pairs' | 'server-string' | 'server-url'> };
}

/** How long a step may wait for an expected message when the profile gives no timeouts.stepMs. */
export const DEFAULT_STEP_MS = 2000;
/** How long a target may take to come up when the profile gives no timeouts.startupMs. */
export const DEFAULT_STARTUP_MS = 10_000;

/** A profile as the runner uses it: where it came from, for messages. */
export interface LoadedProfile {
  profile: Profile;
  /** The file, or "built-in profile (spec/profiles/default.json)". */
  source: string;
}
