/**
 * The server-side defects switched on in one simulator. Client-side defects
 * (where: 'client') belong to the embedded client library and are refused
 * here, so a run never believes it tested a defect nobody carries.
 */
import { DEFECTS, isDefectName, type DefectName } from './defects.js';
import { SimError } from './errors.js';

export const SERVER_DEFECTS = DEFECTS.filter((d) => d.where === 'server');

export function checkServerDefect(name: string): DefectName {
  if (!isDefectName(name)) {
    throw new SimError('UNKNOWN_DEFECT', `unknown defect "${name}" (tlib-kit sim --defects lists them)`);
  }
  const def = DEFECTS.find((d) => d.name === name);
  if (def?.where !== 'server') {
    throw new SimError('CLIENT_DEFECT', `defect "${name}" is carried by the client library, not the simulator`);
  }
  return name;
}

export class DefectSet {
  private readonly on = new Set<DefectName>();

  constructor(names: readonly string[] = []) {
    for (const n of names) this.on.add(checkServerDefect(n));
  }

  has(name: DefectName): boolean {
    return this.on.has(name);
  }

  set(name: string, enabled: boolean): void {
    const checked = checkServerDefect(name);
    if (enabled) this.on.add(checked);
    else this.on.delete(checked);
  }

  list(): DefectName[] {
    return [...this.on];
  }
}
