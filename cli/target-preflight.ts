/**
 * Before fuzzing or loading a server: is it there, and does it take a
 * client with the profile's credentials? The same preflight as `conform`
 * (one registration on each server of the pair), so a wrong port or a
 * refused password is one line and exit 2, never a counterexample or a run
 * full of failures that blame the server for the harness.
 */
import { preflight } from '../conformance/runner/preflight.js';
import { DEFAULT_STARTUP_MS, DEFAULT_STEP_MS, type LoadedProfile } from '../conformance/profile/model.js';
import { tcpTarget } from '../conformance/targets/tcp.js';
import { checkReachable } from './reachable.js';

interface Address {
  host: string;
  port: number;
}

/** Undefined when the target is usable; otherwise the one line that says why not. */
export async function preflightTcp(o: { primary: Address; backup?: Address; profile: LoadedProfile }): Promise<string | undefined> {
  for (const [address, what] of [[o.primary, 'target'], ...(o.backup ? [[o.backup, 'backup'] as const] : [])] as const) {
    const problem = await checkReachable(address, 5000);
    if (problem) return `--${what}: ${problem}`;
  }
  const timeouts = o.profile.profile.timeouts;
  const timeoutMs = timeouts?.stepMs ?? DEFAULT_STEP_MS;
  try {
    await preflight({
      target: tcpTarget({ primary: o.primary, ...(o.backup ? { backup: o.backup } : {}), connectTimeoutMs: timeoutMs }),
      profile: o.profile,
      timeoutMs,
      startupMs: timeouts?.startupMs ?? DEFAULT_STARTUP_MS,
      reports: [],
    });
    return undefined;
  } catch (e) {
    return `preflight (${o.profile.source}): ${e instanceof Error ? e.message : String(e)}`;
  }
}
