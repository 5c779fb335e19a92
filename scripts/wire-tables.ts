/**
 * The tables of spec/wire-format.md that come from src/registry.ts, and
 * how they are spliced into the document between marker comments. Shared
 * by the generator (scripts/gen-wire-tables.ts) and the test that fails
 * when the document and the registry disagree.
 */
import { ATTRIBUTES, MESSAGES, SUBSCRIPTION_OPERATION, VALUE_KINDS, type AttributeKind } from '../src/registry.js';

export const WIRE_FORMAT_DOC = new URL('../spec/wire-format.md', import.meta.url);

/** How each registry kind is written on the wire and read in a program: from the registry's VALUE_KINDS. */
export const KIND_ROWS = Object.fromEntries(
  Object.entries(VALUE_KINDS).map(([kind, k]) => [kind, { wire: `${k.wire} ${k.wireName.toUpperCase()}`, meaning: k.describe }]),
) as Record<AttributeKind, { wire: string; meaning: string }>;

/** The varint bytes of a number, as the spec writes them ("8a 01"). */
export function varintHex(n: number): string {
  const out: string[] = [];
  do {
    const low = n % 128;
    n = Math.floor(n / 128);
    out.push((n > 0 ? low | 0x80 : low).toString(16).padStart(2, '0'));
  } while (n > 0);
  return out.join(' ');
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function messageTable(): string {
  return table(
    ['id', 'varint', 'name', 'category', 'flags', 'note'],
    MESSAGES.map((m) => [
      String(m.id),
      `\`${varintHex(m.id)}\``,
      m.name,
      m.category,
      [('special' in m ? 'special' : ''), ('obsolete' in m ? 'obsolete' : '')].filter(Boolean).join(', '),
      'note' in m ? m.note : '',
    ]),
  );
}

export function attributeTable(): string {
  return table(
    ['tag', 'varint', 'name', 'T-Library name', 'wire kind', 'value', 'origin', 'note'],
    ATTRIBUTES.map((a) => [
      String(a.tag),
      `\`${varintHex(a.tag)}\``,
      a.name,
      a.cName,
      KIND_ROWS[a.kind].wire,
      `${a.kind}: ${KIND_ROWS[a.kind].meaning}`,
      a.origin,
      'note' in a ? a.note : '',
    ]),
  );
}

export function projectTable(): string {
  const rows = ATTRIBUTES.filter((a) => a.origin === 'project').map((a) => [
    `attribute ${a.name}`,
    `tag ${a.tag}`,
    `${KIND_ROWS[a.kind].wire} (${a.kind})`,
    'note' in a ? a.note : '',
  ]);
  for (const [name, value] of Object.entries(SUBSCRIPTION_OPERATION)) {
    rows.push([`SubscriptionOperation ${name}`, `value ${value}`, '', 'a value of the SubscriptionOperation attribute']);
  }
  return table(['assigned by this project', 'number', 'wire kind', 'what it is'], rows);
}

export const GENERATED_TABLES: Record<string, () => string> = {
  messages: messageTable,
  attributes: attributeTable,
  'project-numbers': projectTable,
};

function markers(name: string): [string, string] {
  return [`<!-- generated:${name} (scripts/gen-wire-tables.ts) -->`, `<!-- end generated:${name} -->`];
}

/** The text between a table's markers, or undefined when the markers are missing. */
export function generatedSection(doc: string, name: string): string | undefined {
  const [begin, end] = markers(name);
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  return i < 0 || j < i ? undefined : doc.slice(i + begin.length, j).trim();
}

export function spliceTables(doc: string): string {
  for (const [name, render] of Object.entries(GENERATED_TABLES)) {
    const [begin, end] = markers(name);
    const i = doc.indexOf(begin);
    const j = doc.indexOf(end);
    if (i < 0 || j < i) throw new Error(`spec/wire-format.md lacks the markers of table ${name}`);
    doc = `${doc.slice(0, i + begin.length)}\n${render()}\n${doc.slice(j)}`;
  }
  return doc;
}
