/** EventCallInfoChanged: "The call information has been changed." ConnID Mandatory. */
import { sentence } from '../../src/reference/sentences.js';
import type { Scenario } from '../model/scenario.js';
import { blame, event, mustEqual, mustHave } from './check.js';

const CHANGED = sentence('EventCallInfoChanged.description.0');
const CONN_ID = `EventCallInfoChanged: ${sentence('EventCallInfoChanged.row.ConnID')}`;

export const CALL_INFO_SCENARIOS: Scenario[] = [
  {
    id: 'call-info-changed/conn-id',
    title: 'EventCallInfoChanged carries the ConnID of the changed call',
    reference: `${CHANGED} ${CONN_ID}`,
    level: 'must',
    needs: [],
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
  {
    id: 'call-info-changed/unknown-call',
    title: 'No EventCallInfoChanged for a call that does not exist',
    reference: CHANGED,
    level: 'must',
    needs: [],
    uses: { absent: 'call' },
    cites: ['EventCallInfoChanged.description.0'],
    run: async (ctx) => {
      // A negative input: nothing's information can have changed, so the event would report what did not happen.
      const a = await ctx.client('client-a');
      const ConnID = ctx.resources.absent('call');
      const ref = a.request({ Event: 'RequestSetCallInfo', ConnID, CustomerID: 'tlib-kit' });
      await a.expect({ what: `an answer to TSetCallInfo() (ReferenceID ${ref}) on ${ConnID}, a call the switch does not have`, match: (x) => x.ReferenceID === ref || x.Event === 'EventCallInfoChanged' });
      await a.sync();
      const changed = a.received.find((x) => x.Event === 'EventCallInfoChanged');
      if (changed) blame(a, changed, `EventCallInfoChanged for ${ConnID}, a call the switch does not have`, `no EventCallInfoChanged (an EventError, say): the information of no call has been changed`, undefined, CHANGED);
      ctx.seen(`TSetCallInfo() on an unknown call answered by ${a.received.find((x) => x.ReferenceID === ref)?.Event ?? 'nothing'}`);
    },
  },
];
