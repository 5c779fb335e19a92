/**
 * An application's sending loop across faults: each user event is resent
 * while the client reports a typed failure (the server refused it, the link
 * dropped, no server is open), and counts as sent once acknowledged. A resend
 * waits for the client to be open again, not for a guessed pause. Bounded in
 * attempts, so a test fails instead of spinning.
 */
import { isClientError, type TClient } from '../../src/client/index.js';
import { until } from '../client/helpers.js';

export async function sendUntilAcked(client: TClient, dn: string, seqs: readonly number[], maxAttempts = 200): Promise<void> {
  for (const seq of seqs) {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.sendUserEvent(dn, [['seq', seq]]);
        break;
      } catch (e) {
        if (!isClientError(e) || attempt >= maxAttempts) throw e;
        await until(() => client.phase === 'open', undefined, `the client open again to resend ${seq}`);
      }
    }
  }
}
