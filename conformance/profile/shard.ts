/**
 * The part of a profile one shard of a run may use. Shards of one CI run may
 * drive the same target at the same time, so each gets DNs, agents and
 * existing calls no other shard has: DNs and agents dealt round robin, each
 * call going with its DN.
 */
import type { Profile } from './model.js';

export interface ShardPart {
  /** 1-based. */
  index: number;
  count: number;
}

const mine = <T>(items: readonly T[], part: ShardPart): T[] => items.filter((_, i) => i % part.count === part.index - 1);

export function profileForShard(profile: Profile, part: ShardPart): Profile {
  if (part.count <= 1) return profile;
  const dns = mine(profile.dns, part);
  const names = new Set(dns.map((d) => d.dn));
  const call = profile.call?.obtain === 'existing' ? { obtain: 'existing' as const, calls: profile.call.calls.filter((c) => names.has(c.ThisDN)) } : profile.call;
  return {
    ...profile,
    dns,
    ...(profile.agents ? { agents: mine(profile.agents, part) } : {}),
    ...(call ? { call } : {}),
  };
}
