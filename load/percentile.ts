/** Nearest-rank percentile of the first `count` values (sorted in place); NaN when there are none. */
export function percentile(values: Float64Array, count: number, p: number): number {
  if (count === 0) return Number.NaN;
  const sorted = values.subarray(0, count).sort();
  const rank = Math.min(count, Math.max(1, Math.ceil((p / 100) * count)));
  return sorted[rank - 1]!;
}
