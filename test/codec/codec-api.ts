/**
 * The codec's public surface, loaded from source or from the built package,
 * so the same suites check both (`npm test` builds first).
 */
export type CodecApi = typeof import('../../src/index.js');

/** A computed specifier: type-checking must not need dist/ to exist. */
const DIST_ENTRY = '../../dist/src/index.js';

export function loadSource(): Promise<CodecApi> {
  return import('../../src/index.js');
}

export async function loadDist(): Promise<CodecApi> {
  try {
    return (await import(DIST_ENTRY)) as CodecApi;
  } catch (e) {
    throw new Error(`cannot load ${DIST_ENTRY}: run \`npm run build\` first (${String(e)})`);
  }
}

/** Runs `f`, which must throw a TLibError of this build; returns it. */
export function catchTLib(api: CodecApi, f: () => unknown): InstanceType<CodecApi['TLibError']> {
  try {
    f();
  } catch (e) {
    if (e instanceof api.TLibError) return e;
    throw new Error(`expected a TLibError, got ${String(e)}`);
  }
  throw new Error('expected a TLibError, nothing was thrown');
}
