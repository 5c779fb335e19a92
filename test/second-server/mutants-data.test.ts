/**
 * mutants.json as data: enough of them, each quoting one sentence of the
 * reference verbatim, every special event covered, each id wired into the
 * code that carries it (a mutant no code looks at would be caught by nothing).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { MUTANTS } from './mutants.js';

// The repository's copy of the source document (the sentence audit checks it too).
const reference = readFileSync(new URL('../../spec/reference/special-events-reference.md', import.meta.url), 'utf8');
const here = new URL('.', import.meta.url);
const code = readdirSync(here)
  .filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(new URL(f, here), 'utf8'))
  .join('\n');

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

  it('covers every special event of the reference', () => {
    const sections = new Set(MUTANTS.map((m) => m.section.replace(/ \(Obsolete.*$/, '')));
    for (const event of ['EventACK', 'EventAgentReserved', 'EventCallInfoChanged', 'EventPrivateInfo', 'EventUserEvent', 'EventPrimaryChanged', 'EventRestoreConnection', 'EventHardwareError', 'EventResourceAllocated', 'EventResourceFreed']) {
      expect(sections.has(event), event).toBe(true);
    }
  });

  it('removes time from every event whose table marks it Mandatory', () => {
    const timeless = MUTANTS.filter((m) => m.sentence === 'time\tMandatory').map((m) => m.section).sort();
    expect(timeless).toEqual(['EventACK', 'EventAgentReserved', 'EventCallInfoChanged', 'EventHardwareError', 'EventPrimaryChanged', 'EventPrivateInfo', 'EventUserEvent']);
  });

  it('wires every id into the server or bridge code', () => {
    const unwired = MUTANTS.filter((m) => !code.includes(`'${m.id}'`)).map((m) => m.id);
    expect(unwired).toEqual([]);
  });
});
