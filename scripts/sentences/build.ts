/**
 * src/reference/generated/catalogue.ts is spec/reference/sentences.json as a module:
 * the codec entry stays free of JSON imports (browsers without import
 * attributes), and a sentence id becomes a type the compiler checks.
 */
import { readFileSync } from 'node:fs';

export const CATALOGUE_JSON = new URL('../../spec/reference/sentences.json', import.meta.url);
export const CATALOGUE_FILE = new URL('../../src/reference/generated/catalogue.ts', import.meta.url);

export interface CatalogueEntry {
  id: string;
  section: string;
  kind: 'rule' | 'description' | 'definition' | 'heading';
  text: string;
  attribute?: string;
  presence?: 'mandatory' | 'optional';
  footnote?: string;
}

export function readCatalogue(): CatalogueEntry[] {
  return (JSON.parse(readFileSync(CATALOGUE_JSON, 'utf8')) as { sentences: CatalogueEntry[] }).sentences;
}

export function buildCatalogueModule(entries: readonly CatalogueEntry[] = readCatalogue()): string {
  const rows = entries.map((e) => `  ${JSON.stringify(e)},`);
  return [
    '// Generated from spec/reference/sentences.json by `npx tsx scripts/gen-sentences.ts`; do not edit.',
    "import type { Sentence } from '../types.js';",
    '',
    'export const CATALOGUE = [',
    ...rows,
    '] as const satisfies readonly Sentence[];',
    '',
    '/** Every id of the catalogue: a citation the compiler can check. */',
    'export type SentenceId = (typeof CATALOGUE)[number][\'id\'];',
    '',
  ].join('\n');
}
