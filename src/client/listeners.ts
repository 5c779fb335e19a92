/**
 * A small typed listener registry. Not node:events, because its 'error'
 * convention (throw when nobody listens) would throw out of socket callbacks;
 * here a listener that throws is reported to `onListenerError` and the
 * remaining listeners still run.
 */
type ListenerMap = { [name: string]: (...args: never[]) => void };

export class Listeners<M extends ListenerMap> {
  private readonly sets = new Map<keyof M, Set<M[keyof M]>>();

  constructor(private readonly onListenerError: (name: keyof M, error: unknown) => void) {}

  add<K extends keyof M>(name: K, listener: M[K]): void {
    if (typeof listener !== 'function') throw new TypeError(`listener for "${String(name)}" must be a function`);
    let set = this.sets.get(name);
    if (!set) this.sets.set(name, (set = new Set()));
    set.add(listener);
  }

  remove<K extends keyof M>(name: K, listener: M[K]): void {
    this.sets.get(name)?.delete(listener);
  }

  count(name: keyof M): number {
    return this.sets.get(name)?.size ?? 0;
  }

  emit<K extends keyof M>(name: K, ...args: Parameters<M[K]>): void {
    for (const listener of [...(this.sets.get(name) ?? [])]) {
      try {
        (listener as (...a: Parameters<M[K]>) => void)(...args);
      } catch (error) {
        this.onListenerError(name, error);
      }
    }
  }
}
