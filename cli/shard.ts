/**
 * `--shard i/n`: this job's part of a run split over n CI jobs (a GitHub
 * Actions matrix, GitLab `parallel:`). Every verb splits deterministically
 * from the same words, so n jobs started with 1/n … n/n cover the run once.
 */
export interface Shard {
  /** 1-based, as CI systems number their jobs (CI_NODE_INDEX). */
  index: number;
  count: number;
}

const WHOLE_RUN: Shard = Object.freeze({ index: 1, count: 1 });

export class ShardError extends Error {
  override readonly name = 'ShardError';
  readonly code = 'USAGE' as const;
}

export function parseShard(text: string | undefined): Shard {
  if (text === undefined) return WHOLE_RUN;
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new ShardError(`--shard must be i/n with 1 <= i <= n <= 9999 (e.g. 2/3, or "$CI_NODE_INDEX/$CI_NODE_TOTAL"), got "${text}"`);
  return { index, count };
}

/** Round robin over the list's order: disjoint, covering, and balanced to within one item. */
export function shardOf<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
