/**
 * mutants.json as data: enough of them, each quoting one sentence of the
 * reference verbatim, every special event covered, each id wired into the
 * code that carries it (a mutant no code looks at would be caught by nothing).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { MUTANTS, MUTANT_KINDS } from './mutants.js';

// The repository's copy of the source document (the sentence audit checks it too).
const reference = readFileSync(new URL('../../spec/reference/special-events-reference.md', import.meta.url), 'utf8');
const here = new URL('.', import.meta.url);
const code = readdirSync(here)
  .filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(new URL(f, here), 'utf8'))
  .join('\n');

const SECTIONS = ['EventACK', 'EventAgentReserved', 'EventCallInfoChanged', 'EventPrivateInfo', 'EventUserEvent', 'EventPrimaryChanged', 'EventRestoreConnection', 'EventHardwareError', 'EventResourceAllocated', 'EventResourceFreed'];
const headingAt = (name: string): number => {
  const match = new RegExp(`^#+ .*\\b${name}\\b`, 'm').exec(reference);
  return match ? match.index : -1;
};

/** The reference from the section's heading to the next special event's heading. */
function sectionText(section: string): string {
  const name = section.replace(/ \(Obsolete.*$/, '');
  const start = headingAt(name);
  if (start < 0) return '';
  const ends = SECTIONS.map(headingAt).filter((at) => at > start);
  return reference.slice(start, ends.length > 0 ? Math.min(...ends) : reference.length);
}

describe('mutants.json', () => {
  it('has at least 35 mutants with unique ids and every field filled', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(35);
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length);
    for (const m of MUTANTS) {
      for (const field of ['id', 'section', 'sentence', 'scenarioHint', 'description'] as const) expect(m[field], `${m.id}.${field}`).toMatch(/\S/);
    }
  });

  it('quotes each sentence exactly as the reference writes it', () => {
    const missing = MUTANTS.filter((m) => !reference.includes(m.sentence)).map((m) => m.id);
    expect(missing).toEqual([]);
  });

  it('quotes each sentence from the section the mutant names', () => {
    const outside = MUTANTS.filter((m) => !sectionText(m.section).includes(m.sentence)).map((m) => `${m.id} (${m.section})`);
    expect(outside).toEqual([]);
  });

  it('has a mutant of every kind a runner can miss, each kind twice or more but merged keys', () => {
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
    const targets = MUTANTS.filter((m) => m.fuzzTarget).map((m) => m.sentence);
    expect(targets).toHaveLength(3);
    expect(targets).toContain('time\tMandatory');
    expect(targets.some((t) => t.startsWith('This attribute, applicable only to EventACK in response to TTransactionMonitoring()'))).toBe(true);
    expect(targets.some((t) => t.includes('Obsolete'))).toBe(true);
  });

  it('covers every special event of the reference', () => {
    const sections = new Set(MUTANTS.map((m) => m.section.replace(/ \(Obsolete.*$/, '')));
    for (const event of ['EventACK', 'EventAgentReserved', 'EventCallInfoChanged', 'EventPrivateInfo', 'EventUserEvent', 'EventPrimaryChanged', 'EventRestoreConnection', 'EventHardwareError', 'EventResourceAllocated', 'EventResourceFreed']) {
      expect(sections.has(event), event).toBe(true);
    }
  });

  it('removes time from every event whose table marks it Mandatory', () => {
    const timeless = [...new Set(MUTANTS.filter((m) => m.sentence === 'time\tMandatory').map((m) => m.section))].sort();
    expect(timeless).toEqual(['EventACK', 'EventAgentReserved', 'EventCallInfoChanged', 'EventHardwareError', 'EventPrimaryChanged', 'EventPrivateInfo', 'EventUserEvent']);
  });

  it('wires every id into the server or bridge code', () => {
    const unwired = MUTANTS.filter((m) => !code.includes(`'${m.id}'`)).map((m) => m.id);
    expect(unwired).toEqual([]);
  });
});
