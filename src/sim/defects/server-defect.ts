import type { MessageName } from '../../registry.js';
import type { Delivery } from '../delivery.js';
import { without } from './edit.js';
import type { Defect } from './types.js';

/** What a server defect's file says: everything of a Defect but where it lives, which is the simulator. */
type ServerDefectOwn<N extends string> = Omit<Defect, 'where' | 'name' | 'mutate'> & { readonly name: N; readonly mutate: NonNullable<Defect['mutate']> };

/** A defect the simulator carries: a mutator of what it sends. The literal name is kept, so DefectName lists every name. */
export function serverDefect<const N extends string>(own: ServerDefectOwn<N>): Defect & { readonly name: N; readonly where: 'server' } {
  return { ...own, where: 'server' };
}

/**
 * A server defect that withholds every delivery of one event (of one
 * audience, where given). A message that never comes is noticed only by
 * waiting for it, so such a defect is always noticedByWaiting.
 */
export function withholdingDefect<const N extends string>(
  own: Omit<ServerDefectOwn<N>, 'mutate' | 'noticedByWaiting'> & { readonly withholds: MessageName; readonly audience?: Delivery['audience'] },
): Defect & { readonly name: N; readonly where: 'server' } {
  const { withholds, audience, ...rest } = own;
  return serverDefect({ ...rest, noticedByWaiting: true, mutate: (ds) => without(ds, (d) => d.message.Event === withholds && (audience === undefined || d.audience === audience)) });
}
