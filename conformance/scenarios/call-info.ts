/** EventCallInfoChanged: "The call information has been changed." ConnID Mandatory. */
import type { Scenario } from '../scenario.js';
import { event, mustHave } from './check.js';

export const CALL_INFO_SCENARIOS: Scenario[] = [
  {
    id: 'call-info-changed/conn-id',
    title: 'EventCallInfoChanged carries the ConnID of the changed call',
    reference: 'EventCallInfoChanged: The call information has been changed. ConnID Mandatory.',
    level: 'must',
    needs: [],
    uses: { dns: 1, call: true },
    brokenBy: ['call-info-no-conn-id'],
    run: async (ctx) => {
      const a = await ctx.client('client-a');
      const { ConnID } = await ctx.obtainCall();
      a.request({ Event: 'RequestSetCallInfo', ConnID, CustomerID: 'tlib-kit' });
      const m = await a.expect(event('EventCallInfoChanged'));
      mustHave(a, m, 'ConnID', 'ConnID is Mandatory');
      ctx.seen(m.ConnID === ConnID ? 'ConnID of the changed call' : `ConnID ${m.ConnID} (the request named ${ConnID})`);
    },
  },
];
