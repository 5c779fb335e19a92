/**
 * The message and attribute tables of spec/wire-format.md, read from the
 * document itself: the oracle knows names, tags and value kinds only from
 * the spec, never from src/registry.ts.
 */
import { readFileSync } from 'node:fs';

interface SpecMessage {
  id: number;
  name: string;
  obsolete: boolean;
}
export type SpecValueKind = 'int' | 'u32' | 'connid' | 'u64' | 'string' | 'binary' | 'kvlist';
interface SpecAttribute {
  tag: number;
  name: string;
  kind: SpecValueKind;
}

/** The document at the checkout's root: two levels up from fuzz/oracle/, three from dist/fuzz/oracle/. */
function readSpec(): string {
  const tried: string[] = [];
  for (const relative of ['../../spec/wire-format.md', '../../../spec/wire-format.md']) {
    const url = new URL(relative, import.meta.url);
    try {
      return readFileSync(url, 'utf8');
    } catch {
      tried.push(url.pathname);
    }
  }
  throw new Error(`the oracle reads spec/wire-format.md and found it at none of: ${tried.join(', ')}`);
}

const DOC = readSpec();

/** Rows of the markdown table after `## <heading>`, as header -> cell maps. */
function tableAfter(heading: string): Array<Record<string, string>> {
  const start = DOC.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`spec/wire-format.md has no section "${heading}"`);
  const lines = DOC.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (let i = first; i < lines.length && lines[i]!.startsWith('|'); i++) {
    rows.push(lines[i]!.slice(1, -1).split('|').map((c) => c.trim()));
  }
  const [head, , ...body] = rows;
  return body.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? ''])));
}

export const SPEC_MESSAGES: SpecMessage[] = tableAfter('12. Message types').map((r) => ({
  id: Number(r.id),
  name: r.name!,
  obsolete: r.flags!.split(', ').includes('obsolete'),
}));

export const SPEC_ATTRIBUTES: SpecAttribute[] = tableAfter('13. Attributes').map((r) => ({
  tag: Number(r.tag),
  name: r.name!,
  kind: r.value!.split(':')[0] as SpecValueKind,
}));
