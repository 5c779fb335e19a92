/**
 * src/registry/generated/tables.ts is spec/registry.json as literals: an
 * edit of the JSON without `npx tsx scripts/gen-registry.ts` fails here, and
 * so would a hand edit of the generated file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGISTRY_JSON, TABLES_FILE, buildTablesModule } from '../../scripts/registry/build.js';
import { ATTRIBUTES, MESSAGES, PROJECT_TAG_RANGE } from '../../src/registry.js';

const json = JSON.parse(readFileSync(REGISTRY_JSON, 'utf8')) as { attributes: Array<{ tag: number }>; messages: unknown[] };

describe('the registry tables', () => {
  it('are exactly what scripts/gen-registry.ts writes from spec/registry.json', () => {
    expect(readFileSync(TABLES_FILE, 'utf8') === buildTablesModule()).toBe(true);
  });

  it('hold every row of the JSON, origin following from the tag', () => {
    expect(ATTRIBUTES.map((a) => a.tag)).toEqual(json.attributes.map((a) => a.tag));
    expect(MESSAGES).toHaveLength(json.messages.length);
    for (const a of ATTRIBUTES) expect(a.origin, a.name).toBe(a.tag >= PROJECT_TAG_RANGE.first && a.tag <= PROJECT_TAG_RANGE.last ? 'project' : 'public');
    expect(ATTRIBUTES.some((a) => a.origin === 'project')).toBe(true);
  });

  it('refuses a JSON that gives one number or name twice', () => {
    const twice = (mutate: (file: { attributes: Array<Record<string, unknown>>; messages: Array<Record<string, unknown>> }) => void): string => {
      const file = JSON.parse(readFileSync(REGISTRY_JSON, 'utf8')) as { attributes: Array<Record<string, unknown>>; messages: Array<Record<string, unknown>> };
      mutate(file);
      return JSON.stringify(file);
    };
    expect(() => buildTablesModule(twice((f) => f.attributes.push({ ...f.attributes[0], name: 'Other' })))).toThrow(/attributes has tag 0 twice/);
    expect(() => buildTablesModule(twice((f) => f.messages.push({ ...f.messages[1], id: 9999 })))).toThrow(/messages has name RequestQueryAddress twice/);
  });
});
