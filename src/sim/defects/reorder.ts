/** The link-ordering defects: one delivery moved to the other side of another. */
import type { MessageName } from '../../registry.js';
import type { Delivery } from '../delivery.js';

export function moveAfter(ds: Delivery[], moved: MessageName, anchor: MessageName): Delivery[] {
  const i = ds.findIndex((d) => d.message.Event === moved);
  const j = ds.findIndex((d) => d.message.Event === anchor);
  if (i < 0 || j < 0 || i > j) return ds;
  const out = ds.filter((_, k) => k !== i);
  out.splice(out.indexOf(ds[j]!) + 1, 0, ds[i]!);
  return out;
}

export function moveBefore(ds: Delivery[], moved: MessageName, anchor: MessageName): Delivery[] {
  const i = ds.findIndex((d) => d.message.Event === moved);
  const j = ds.findIndex((d) => d.message.Event === anchor);
  if (i < 0 || j < 0 || i < j) return ds;
  const out = ds.filter((_, k) => k !== i);
  out.splice(out.indexOf(ds[j]!), 0, ds[i]!);
  return out;
}
