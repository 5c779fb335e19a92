/** EventCallInfoChanged: "The call information has been changed." ConnID Mandatory. */
import { sentence } from '../../src/reference/sentences.js';
import type { Scenario } from '../model/scenario.js';
import { event, mustEqual, mustHave } from './check.js';
import { scenarioFamily } from './family.js';
import { unconfirmedScenario } from './unconfirmed.js';

const CHANGED = sentence('EventCallInfoChanged.description.0');
const CONN_ID = `EventCallInfoChanged: ${sentence('EventCallInfoChanged.row.ConnID')}`;

export const CALL_INFO_SCENARIOS: Scenario[] = scenarioFamily({}, [
  {
    id: 'call-info-changed/conn-id',
    title: 'EventCallInfoChanged carries the ConnID of the changed call',
    reference: `${CHANGED} ${CONN_ID}`,
    uses: { dns: 1, call: true },
    cites: ['EventCallInfoChanged.row.ConnID', 'EventCallInfoChanged.description.0'],
    run: async (ctx) => {
      const a = await ctx.client('client-a');
      const { ConnID } = await ctx.obtainCall();
      const ref = a.request({ Event: 'RequestSetCallInfo', ConnID, CustomerID: 'tlib-kit' });
      const m = await a.expect(event('EventCallInfoChanged', (x) => x.ReferenceID === ref || x.ReferenceID === undefined, `after TSetCallInfo() on ${ConnID}`, CHANGED));
      mustHave(a, m, 'ConnID', 'ConnID is Mandatory', CONN_ID);
      // The event says which call's information changed: the one the request changed.
      mustEqual(a, m, 'ConnID', ConnID, 'must name the call whose information has been changed', CHANGED);
    },
  },
  // A negative input: nothing's information can have changed, so the event would report what did not happen.
  unconfirmedScenario({
    id: 'call-info-changed/unknown-call',
    title: 'No EventCallInfoChanged for a call that does not exist',
    cite: 'EventCallInfoChanged.description.0',
    client: 'client-a',
    kind: 'call',
    request: (ConnID) => ({ Event: 'RequestSetCallInfo', ConnID, CustomerID: 'tlib-kit' }),
    service: 'TSetCallInfo()',
    preposition: 'on',
    absent: 'a call the switch does not have',
    confirmation: 'EventCallInfoChanged',
    because: 'the information of no call has been changed',
  }),
]);
