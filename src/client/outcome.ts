/** A settled request, for reports that list successes and failures side by side. */
import type { Message } from '../codec/types.js';

export type Outcome = { ok: true; answer: Message } | { ok: false; error: Error };

export async function outcome(answer: Promise<Message>): Promise<Outcome> {
  try {
    return { ok: true, answer: await answer };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}
