/**
 * spec/registry.json -> src/registry/generated/tables.ts: the rows as
 * `as const` literals, so message and attribute names stay literal types.
 * An attribute's origin follows from its tag (projectTagRange). Rows are
 * checked here for unique numbers and names; the typecheck of the output
 * holds each field to AttributeDef and MessageDef (a kind that is no value
 * kind fails there).
 */
import { readFileSync } from 'node:fs';

export const REGISTRY_JSON = new URL('../../spec/registry.json', import.meta.url);
export const TABLES_FILE = new URL('../../src/registry/generated/tables.ts', import.meta.url);

interface Row { readonly [field: string]: string | number | boolean | undefined }
interface RegistryFile { projectTagRange: { first: number; last: number }; attributes: Row[]; messages: Row[] }

function unique(rows: Row[], field: string, table: string): void {
  const seen = new Set<unknown>();
  for (const row of rows) {
    if (seen.has(row[field])) throw new Error(`spec/registry.json: ${table} has ${field} ${String(row[field])} twice`);
    seen.add(row[field]);
  }
}

function check(file: RegistryFile): void {
  unique(file.attributes, 'tag', 'attributes');
  unique(file.attributes, 'name', 'attributes');
  unique(file.messages, 'id', 'messages');
  unique(file.messages, 'name', 'messages');
}

const row = (r: Row): string => `  { ${Object.entries(r).map(([k, v]) => `${k}: ${typeof v === 'string' ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(v)}`).join(', ')} },`;

export function buildTablesModule(json = readFileSync(REGISTRY_JSON, 'utf8')): string {
  const file = JSON.parse(json) as RegistryFile;
  check(file);
  const { first, last } = file.projectTagRange;
  const originOf = (tag: number): string => (tag >= first && tag <= last ? 'project' : 'public');
  // origin before note, as AttributeDef lists them.
  const attributes = file.attributes.map(({ note, ...a }) => ({ ...a, origin: originOf(a.tag as number), ...(note === undefined ? {} : { note }) }));
  return [
    '// GENERATED, DO NOT EDIT: spec/registry.json as literals, by `npx tsx scripts/gen-registry.ts`.',
    "import type { AttributeDef, MessageDef } from '../../registry.js';",
    '',
    `export const PROJECT_TAG_RANGE = { first: ${first}, last: ${last} } as const;`,
    '',
    'export const ATTRIBUTES = [',
    ...attributes.map(row),
    '] as const satisfies readonly AttributeDef[];',
    '',
    'export const MESSAGES = [',
    ...file.messages.map(row),
    '] as const satisfies readonly MessageDef[];',
    '',
  ].join('\n');
}
