/**
 * Switch-side faults (EventHardwareError.description.0). The primary reports EventHardwareError to the
 * clients registered on the DN concerned, or to all its clients when the
 * fault names no DN the simulator can place.
 */
import type { Attributes } from '../codec/types.js';
import type { SimContext } from './context.js';
import { fanout } from './delivery.js';
import { HARDWARE_ERROR, type SwitchFaultKind } from './error-codes.js';
import { event } from './events.js';

export interface FaultLocation {
  ThisDN?: string;
  ConnID?: string;
}

export function switchFault(ctx: SimContext, kind: SwitchFaultKind, where: FaultLocation = {}): void {
  const { state } = ctx;
  const dn = where.ThisDN ?? (where.ConnID === undefined ? undefined : state.calls.get(where.ConnID)?.ThisDN);
  const attrs: Attributes = { ErrorCode: HARDWARE_ERROR[kind], ThisDN: dn, ConnID: where.ConnID, Extensions: [['fault', kind]] };
  const recipients = dn === undefined ? state.clients(state.primary) : state.registeredOn(state.primary, dn);
  ctx.dispatcher.dispatch([fanout(recipients, event('EventHardwareError', attrs))], { ctx, server: state.primary, action: 'switch-fault' });
}
