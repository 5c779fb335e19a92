/**
 * The names of the DNs a load run uses: a prefix and a number (a DN range
 * the target serves, or the embedded simulator's any names), or the fixed
 * list a conform profile gives, where global DN index i is the list's
 * entry i. Both directions, so a receiver maps an event's ThisDN back to
 * the plan's DN index.
 */
export type DnNaming = { prefix: string } | { list: readonly string[] };

export function dnNameOf(naming: DnNaming, index: number): string {
  return 'list' in naming ? naming.list[index]! : `${naming.prefix}${index}`;
}

/** The plan's DN index of a ThisDN, NaN when it names no DN of the run. */
export function dnIndexOf(naming: DnNaming, name: unknown): number {
  if (typeof name !== 'string') return Number.NaN;
  if ('list' in naming) {
    const i = naming.list.indexOf(name);
    return i < 0 ? Number.NaN : i;
  }
  const digits = name.slice(naming.prefix.length);
  return name.startsWith(naming.prefix) && /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}
