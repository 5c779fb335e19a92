/**
 * Starts a worker thread on a module beside `base` (load/ and fuzz/ use it): the built .js, or, when
 * the kit runs from its TypeScript sources (vitest, tsx), the .ts file
 * through tsx's loader (a worker does not inherit the parent's).
 */
import { Worker } from 'node:worker_threads';

export function startThread(base: string, name: string, workerData: unknown): Worker {
  if (!base.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, base), { workerData });
  const file = new URL(`./${name}.ts`, base).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
