/** EventResourceAllocated and EventResourceFreed: "Obsolete—No Longer Supported". */
import { quote } from '../../src/reference/sentences.js';
import { messageByName } from '../../src/registry.js';
import { isConformanceError } from '../model/failure.js';
import type { Expectation, Scenario } from '../model/scenario.js';
import { scenarioFamily } from './family.js';
import { registeredOn } from './registered.js';

const OBSOLETE = quote(['EventResourceAllocated.title', 'EventResourceFreed.title']);

const obsolete: Expectation = {
  what: 'obsolete event (EventResourceAllocated, EventResourceFreed)',
  match: (m) => m.Obsolete === true || messageByName(m.Event)?.obsolete === true,
};

export const OBSOLETE_SCENARIOS: Scenario[] = scenarioFamily({}, [
  {
    id: 'obsolete/never-emitted',
    title: 'EventResourceAllocated and EventResourceFreed are never emitted',
    uses: { dns: 1 },
    cites: ['EventResourceAllocated.title', 'EventResourceFreed.title'],
    run: async (ctx) => {
      // Registering and unregistering a DN is where a switch would have allocated and freed the resource.
      const dn = ctx.resources.dn('dn');
      const a = await registeredOn(ctx, 'client-a', dn);
      await a.call({ Event: 'RequestUnregisterAddress', ThisDN: dn }, 'EventUnregistered');
      // Any obsolete event on any connection fails the run (received-rules.ts); the barrier makes this one's window exact.
      await a.expectNone(obsolete, undefined, OBSOLETE);
      // The backup's clients register too, and the backup is held to the same sentence.
      const b = await ctx.client('client-of-backup', 'backup').catch((e: unknown) => (isConformanceError(e) && e.code === 'TARGET_ERROR' && !ctx.address('backup') && /no backup/.test(e.message) ? undefined : Promise.reject(e)));
      if (!b) return ctx.seen('no backup to register on');
      await b.register(dn);
      await b.call({ Event: 'RequestUnregisterAddress', ThisDN: dn }, 'EventUnregistered');
      await b.expectNone(obsolete, undefined, OBSOLETE);
    },
  },
]);
