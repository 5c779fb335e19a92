/** Every fuzz property, by name: the codec's, the schemas' and the live server's. */
import { CODEC_PROPERTIES, ORACLE_PROPERTIES, SERVER_PROPERTIES, VALIDATE_PROPERTIES, type FuzzProperty } from './catalog.js';
import { loadOracle } from './oracle.js';

export type { FuzzProperty } from './catalog.js';

export const ALL_PROPERTIES: FuzzProperty[] = [...CODEC_PROPERTIES, ...ORACLE_PROPERTIES, ...VALIDATE_PROPERTIES, ...SERVER_PROPERTIES];

export function propertyByName(name: string): FuzzProperty | undefined {
  return ALL_PROPERTIES.find((p) => p.name === name);
}

/** The properties that can run here: the oracle's only when test/oracle is reachable. */
export async function availableProperties(): Promise<{ properties: FuzzProperty[]; unavailable: string[] }> {
  const oracle = await loadOracle();
  const unavailable = oracle ? [] : ORACLE_PROPERTIES.map((p) => p.name);
  return { properties: ALL_PROPERTIES.filter((p) => !unavailable.includes(p.name)), unavailable };
}
