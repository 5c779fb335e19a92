/** The reference as read, cut into its sections: what catalogue texts are held to. */
import { readFileSync } from 'node:fs';

export const REFERENCE_FILE = new URL('../../spec/reference/special-events-reference.md', import.meta.url);
export const reference = readFileSync(REFERENCE_FILE, 'utf8');

/** The text as read: no markup (headings, bold, footnote tags, markdown escapes), one space for any run of white space. */
export const plain = (t: string): string =>
  t
    .replace(/<\/?sup>/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

export const SECTIONS = ['EventACK', 'EventAgentReserved', 'EventCallInfoChanged', 'EventPrivateInfo', 'EventUserEvent', 'EventPrimaryChanged', 'EventRestoreConnection', 'EventHardwareError', 'EventResourceAllocated', 'EventResourceFreed'] as const;

/** The reference cut at each event's heading (the first after the table of contents), plus `preamble`. */
export function sections(): Record<string, string> {
  const lines = reference.split('\n');
  const body = lines.findIndex((l) => /^#\s+Special Events\s*$/.test(l));
  const starts = SECTIONS.map((name) => lines.findIndex((l, i) => i > body && /^#+\s/.test(l) && plain(l.replace(/^#+/, '')).startsWith(name)));
  if (!starts.every((s) => s > 0)) throw new Error(`a section heading is missing from ${REFERENCE_FILE.pathname}`);
  const out: Record<string, string> = { preamble: plain(lines.slice(0, starts[0]).join('\n')) };
  SECTIONS.forEach((name, i) => (out[name] = plain(lines.slice(starts[i], starts[i + 1] ?? lines.length).join('\n'))));
  return out;
}

/** What may remain once every quoted sentence is taken out: list bullets, heading marks, footnote letters, numbering. */
export const LEFTOVER = /^(?:[-·•#*|]+|\d+(?:\.\d+)*|[ab]\.?)$/;
