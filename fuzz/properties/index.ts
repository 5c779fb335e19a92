/** Every fuzz property, by name: the codec's, the schemas' and the live server's. */
import { CODEC_PROPERTIES, ORACLE_PROPERTIES, SERVER_PROPERTIES, VALIDATE_PROPERTIES, type FuzzProperty } from './catalog.js';

export type { FuzzProperty } from './catalog.js';

export const ALL_PROPERTIES: FuzzProperty[] = [...CODEC_PROPERTIES, ...ORACLE_PROPERTIES, ...VALIDATE_PROPERTIES, ...SERVER_PROPERTIES];

export function propertyByName(name: string): FuzzProperty | undefined {
  return ALL_PROPERTIES.find((p) => p.name === name);
}
