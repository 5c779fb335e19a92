/**
 * The late-leak defects: a copy of the fan-out to every other client, later
 * than any quiet window, yet ahead of what each is sent next; they prove a
 * leak check needs no luck.
 */
import type { MessageName } from '../../registry.js';
import type { Mutator } from '../delivery.js';
import { bystanders } from './edit.js';

const LEAK_DELAY_MS = 300;

export function lateLeak(event: MessageName): Mutator {
  return (ds, at) => {
    const fan = ds.find((d) => d.message.Event === event && d.audience === 'fanout');
    if (!fan) return ds;
    return [...ds, { audience: 'fanout', to: bystanders(at.ctx.state.clients(at.server), at.sender, fan.to), message: { ...fan.message }, afterMs: LEAK_DELAY_MS }];
  };
}
