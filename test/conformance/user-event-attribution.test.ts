/**
 * A copy of EventUserEvent that lost its ThisDN is attributed by the UserData its initiator
 * gave it. Two user-event scenarios running at once must therefore send different UserData:
 * with one shared list, the copy went to whichever scenario had sent last, so the same
 * server failed `user-event/delivered` on one run and timed it out on the next.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/codec/types.js';
import { Ledger } from '../../conformance/rules/attribution.js';
import { distributeUserEvent } from '../../conformance/scenarios/user-event.js';

function copyWithoutThisDn(request: Message): Message {
  return { Event: 'EventUserEvent', UserData: request.UserData } as Message;
}

describe('a user event copy without ThisDN', () => {
  it('belongs to the scenario whose request it copies, whichever sent last', () => {
    const first = distributeUserEvent('7001') as unknown as Message;
    const second = distributeUserEvent('7002') as unknown as Message;
    for (const [earlier, later] of [[first, second], [second, first]] as const) {
      const ledger = new Ledger();
      ledger.request(earlier === first ? 'user-event/delivered' : 'user-event/this-dn', {}, earlier);
      ledger.request(later === first ? 'user-event/delivered' : 'user-event/this-dn', {}, later);
      expect(ledger.owner(copyWithoutThisDn(first), false)?.scenarioId).toBe('user-event/delivered');
      expect(ledger.owner(copyWithoutThisDn(second), false)?.scenarioId).toBe('user-event/this-dn');
    }
  });
});
