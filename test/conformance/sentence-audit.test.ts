/**
 * spec/sentence-audit.json is generated from what the code declares
 * (scripts/gen-sentence-audit.ts); this holds it fresh and the declarations
 * complete: every sentence that states a rule has a check or a scenario,
 * every check and scenario cites some sentence, every description says why
 * nothing checks it, and every cited id exists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNNER_CHECK_CITES, RUNNER_CHECKS } from '../../conformance/rules/received-rules.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { AUDIT_FILE, auditEntries, buildAudit } from '../../scripts/sentence-audit/build.js';
import { isSentenceId } from '../../src/reference/sentences.js';
import { RULES } from '../../src/validate/index.js';

describe('spec/sentence-audit.json', () => {
  const entries = auditEntries();

  it('is exactly what scripts/gen-sentence-audit.ts writes from the code', () => {
    expect(readFileSync(AUDIT_FILE, 'utf8') === buildAudit()).toBe(true);
  });

  it('maps every sentence that states a rule to a check, a scenario or a library scenario', () => {
    expect(entries.filter((e) => e.kind === 'rule' && !e.checks?.length && !e.scenarios?.length && !e.libraryScenarios?.length).map((e) => e.id)).toEqual([]);
  });

  it('says why a sentence that states no rule is left unchecked', () => {
    expect(entries.filter((e) => (e.kind === 'description' || e.kind === 'definition') && !e.note).map((e) => e.id)).toEqual([]);
  });

  it('has every scenario cite sentences of the catalogue', () => {
    expect(SCENARIOS.filter((s) => s.cites.length === 0 || !s.cites.every(isSentenceId)).map((s) => s.id)).toEqual([]);
  });

  it('has every validator rule cite a sentence, unless it rests on the public numbers alone', () => {
    const uncited = RULES.filter((r) => r.cites.length === 0 && r.source !== 'input' && !r.reference.includes('spec/reference/tlib-numbers.md'));
    expect(uncited.map((r) => `${r.id}: ${r.reference}`)).toEqual([]);
    expect(RULES.flatMap((r) => r.cites).filter((id) => !isSentenceId(id))).toEqual([]);
  });

  it('has every runner check cite sentences of the catalogue', () => {
    expect(Object.keys(RUNNER_CHECKS).sort()).toEqual(Object.keys(RUNNER_CHECK_CITES).sort());
    expect(Object.entries(RUNNER_CHECK_CITES).filter(([, ids]) => ids.length === 0 || !ids.every(isSentenceId)).map(([id]) => id)).toEqual([]);
  });

  it('keeps notes only on sentences of the catalogue', () => {
    const notes = (JSON.parse(readFileSync(new URL('../../spec/sentence-notes.json', import.meta.url), 'utf8')) as { notes: Record<string, string> }).notes;
    expect(Object.keys(notes).filter((id) => !isSentenceId(id))).toEqual([]);
  });
});
