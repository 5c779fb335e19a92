/** A mistake in how the runner was invoked (bad option, unreadable list): exit code 2. */
export class ConformanceUsageError extends Error {
  override readonly name = 'ConformanceUsageError';
  readonly code = 'USAGE' as const;
}
