import { defineConfig } from 'vitest/config';

const ALL = ['test/**/*.test.ts', 'fuzz/**/*.test.ts', 'conformance/**/*.test.ts'];

/**
 * End to end: what starts processes, browsers, simulator pairs or the built
 * package, or runs suites, fuzzing and load against a server. Everything
 * else is the fast unit set (`npm run test:unit`), for a developer's loop.
 */
const END_TO_END = [
  'test/browser/**',
  'test/bench/**',
  'test/conformance/**',
  'test/second-server/**',
  'test/faults/**',
  'test/independent/**',
  'test/independent-library/**',
  'test/library/example-bridge.test.ts',
  'test/library/hostile-bridge.test.ts',
  'test/library/mutants.test.ts',
  'test/scale/**',
  'test/load/**',
  'test/package/**',
  'test/reliability/**',
  'test/docs/**',
  'test/client/**',
  'test/cli/**',
  'test/sim/cli.test.ts',
  'test/validate/cli.test.ts',
  'test/validate/plain-ajv.test.ts',
  'test/codec/dist*.test.ts',
  'test/layers/cli-packages.test.ts',
  'test/report/*chromium*.test.ts',
  'test/report/html-responsive.test.ts',
  'test/report/html-timeout.test.ts',
  'test/report/report-schema.test.ts',
  'test/security/bridge-process.test.ts',
  'test/security/neutralise-sinks.test.ts',
  'test/security/flooding-target.test.ts',
  'test/security/no-eval.test.ts',
  'fuzz/live-server-*.test.ts',
  'fuzz/runner.test.ts',
  'conformance/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      // One module graph per worker, not one per file: importing the codec, simulator and fast-check again for each
      // of ~60 files cost more CPU than the tests (23 s of 45 s). Unit tests restore what they change (spies, exit code).
      { extends: true, test: { name: 'unit', include: ALL, exclude: END_TO_END, isolate: false } },
      // Folders hold helpers too: only their *.test.ts files are tests.
      { extends: true, test: { name: 'e2e', include: END_TO_END.map((g) => (g.endsWith('/**') ? `${g}/*.test.ts` : g)) } },
    ],
  },
});
