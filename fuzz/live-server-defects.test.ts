/**
 * The live-server property can fail: against a simulator with one of its
 * delivery or correlation defects switched on, it finds a counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../src/sim/index.js';
import { serverScriptArb } from './arbitrary/server-script.js';
import { liveServer, simulatorTarget } from './properties/server.js';

const DEFECTS = ['reserved-not-to-registered', 'private-info-leak', 'user-event-not-delivered', 'ack-wrong-reference-id'];

describe('live-server property against a defective simulator', () => {
  for (const defect of DEFECTS) {
    it(`finds ${defect}`, async () => {
      const sim = await startSimulator({ port: 0, pair: true, defects: [defect] });
      try {
        const details = await fc.check(fc.asyncProperty(serverScriptArb(3, 24), (s) => liveServer(s, simulatorTarget(sim))), { seed: 7, numRuns: 300, endOnFailure: true });
        expect(details.failed, `${defect} not found in ${details.numRuns} runs`).toBe(true);
      } finally {
        await sim.close();
      }
    });
  }
});
