/**
 * mutants.json as data: enough of them, each citing one rule of the sentence
 * catalogue whose text stands in the reference, every special event and every
 * blind-spot kind covered, each id wired into the code that carries it (a
 * mutant no code looks at would be caught by nothing).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { CATALOGUE, MUTANTS, MUTANT_KINDS } from './mutants.js';

const reference = readFileSync(new URL('../../spec/reference/special-events-reference.md', import.meta.url), 'utf8');
const here = new URL('.', import.meta.url);
const code = readdirSync(here)
  .filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(new URL(f, here), 'utf8'))
  .join('\n');

/** The reference as the catalogue reads it: markup and escapes dropped, white space collapsed. */
const asRead = (markdown: string): string =>
  markdown.replace(/<\/?sup>/g, '').replace(/\*\*/g, '').replace(/\\(.)/g, '$1').replace(/\s+/g, ' ');

const SECTIONS = ['EventACK', 'EventAgentReserved', 'EventCallInfoChanged', 'EventPrivateInfo', 'EventUserEvent', 'EventPrimaryChanged', 'EventRestoreConnection', 'EventHardwareError', 'EventResourceAllocated', 'EventResourceFreed'];
const headingAt = (name: string): number => {
  const match = new RegExp(`^#+ .*\\b${name}\\b`, 'm').exec(reference);
  return match ? match.index : -1;
};

/** The reference from the section's heading to the next special event's heading, as read. */
function sectionText(section: string): string {
  const start = headingAt(section);
  if (start < 0) return '';
  const ends = SECTIONS.map(headingAt).filter((at) => at > start);
  return asRead(reference.slice(start, ends.length > 0 ? Math.min(...ends) : reference.length));
}

describe('mutants.json', () => {
  it('has at least 70 mutants with unique ids and every field filled', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(70);
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length);
    for (const m of MUTANTS) {
      for (const field of ['id', 'sentenceId', 'scenarioHint', 'description'] as const) expect(m[field], `${m.id}.${field}`).toMatch(/\S/);
    }
  });

  it('cites, by id, a sentence of the catalogue that is a rule', () => {
    const wrong = MUTANTS.filter((m) => CATALOGUE.get(m.sentenceId)?.kind !== 'rule').map((m) => `${m.id}: ${m.sentenceId}`);
    expect(wrong).toEqual([]);
  });

  it('cites a sentence that stands, word for word, in the section of the reference its id names', () => {
    const outside = MUTANTS.filter((m) => m.sentenceId.split('.')[0] !== m.section || !sectionText(m.section).includes(m.sentence)).map((m) => `${m.id} (${m.sentenceId})`);
    expect(outside).toEqual([]);
  });

  it('has a mutant of every kind a runner can miss, two or more of each but trailing answers and merged keys', () => {
    for (const kind of MUTANT_KINDS) {
      const count = MUTANTS.filter((m) => m.kind === kind).length;
      expect(count, kind).toBeGreaterThanOrEqual(kind === 'merged-keys' || kind === 'trailing-answer' ? 1 : 2);
    }
    const unknownKinds = MUTANTS.filter((m) => m.kind !== undefined && !(MUTANT_KINDS as readonly string[]).includes(m.kind)).map((m) => m.id);
    expect(unknownKinds).toEqual([]);
    // The application view exists only through the bridge, the vendor's library.
    expect(MUTANTS.filter((m) => m.kind === 'app-view' && m.where !== 'bridge').map((m) => m.id)).toEqual([]);
  });

  it('names the three mutants fuzzing is to find: a Mandatory time, a SubscriptionID out of place, an obsolete event', () => {
    expect(MUTANTS.filter((m) => m.fuzzTarget).map((m) => m.sentenceId).sort()).toEqual(['EventACK.note.b.0', 'EventACK.row.time', 'EventResourceAllocated.title']);
  });

  it('covers every special event of the reference', () => {
    const sections = new Set(MUTANTS.map((m) => m.section));
    for (const event of SECTIONS) expect(sections.has(event), event).toBe(true);
  });

  it('removes time from every event whose table marks it Mandatory', () => {
    const timeless = [...new Set(MUTANTS.filter((m) => m.sentenceId.endsWith('.row.time')).map((m) => m.section))].sort();
    const mandatory = [...CATALOGUE.values()].filter((s) => s.id.endsWith('.row.time') && s.text === 'time Mandatory').map((s) => s.section).sort();
    expect(timeless).toEqual(mandatory);
  });

  it('wires every id into the server or bridge code', () => {
    const unwired = MUTANTS.filter((m) => !code.includes(`'${m.id}'`)).map((m) => m.id);
    expect(unwired).toEqual([]);
  });
});
