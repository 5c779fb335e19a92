/**
 * The server-side defects switched on in one simulator, as the pipeline of
 * mutators src/sim/dispatch.ts runs. Client-side defects (where: 'client')
 * belong to the embedded client library and are refused here, so a run never
 * believes it tested a defect nobody carries.
 */
import type { Delivery, Mutator, Occasion } from './delivery.js';
import { DEFECTS, defectNamed, type DefectName } from './defects/index.js';
import { SimError } from './errors.js';

export const SERVER_DEFECTS = DEFECTS.filter((d) => d.where === 'server');

function checkServerDefect(name: string): DefectName {
  const def = defectNamed(name);
  if (!def) throw new SimError('UNKNOWN_DEFECT', `unknown defect "${name}" (tlib-kit sim --defects lists them)`);
  if (def.where !== 'server') throw new SimError('CLIENT_DEFECT', `defect "${name}" is carried by the client library, not the simulator`);
  return def.name as DefectName;
}

export class DefectSet {
  private readonly on = new Map<DefectName, Mutator>();

  constructor(names: readonly string[] = []) {
    for (const n of names) this.set(n, true);
  }

  set(name: string, enabled: boolean): void {
    const checked = checkServerDefect(name);
    const mutate = defectNamed(checked)?.mutate;
    if (enabled && mutate) this.on.set(checked, mutate);
    else this.on.delete(checked);
  }

  list(): DefectName[] {
    return [...this.on.keys()];
  }

  /** The deliveries after every switched-on defect has changed them (none: unchanged). */
  readonly apply = (deliveries: Delivery[], at: Occasion): Delivery[] => {
    let out = deliveries;
    for (const mutate of this.on.values()) out = mutate(out, at);
    return out;
  };
}
