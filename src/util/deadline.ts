/**
 * `work`, or a rejection with what `expired()` returns once `ms` pass first;
 * the timer is cleared either way, so a finished run holds no timer open.
 * Shared by the conformance runner (a scenario's deadline) and load (a phase's).
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, expired: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expired()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
