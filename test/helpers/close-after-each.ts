/** What a test opened, closed after it: the pieces a test file keeps in module variables, in the order given. */
import { afterEach } from 'vitest';

type Closable = { close(): unknown } | { kill(): unknown };

/**
 * After each test, closes (or kills) each of `opened()` in turn, awaiting
 * each, then calls `forget` so the next test starts with nothing open. List
 * clients before the servers they talk to.
 */
export function closeAfterEach(opened: () => ReadonlyArray<Closable | undefined>, forget: () => void = () => undefined): void {
  afterEach(async () => {
    for (const thing of opened()) {
      if (thing === undefined) continue;
      await ('close' in thing ? thing.close() : thing.kill());
    }
    forget();
  });
}
