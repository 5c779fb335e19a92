/**
 * The T-Library sentences in spec/sentence-audit.json: each is a rule with
 * the library scenarios that check it, and each library scenario's own
 * sentence lists it there. None is left as a description.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIBRARY_SCENARIOS } from '../../conformance/library/scenarios/index.js';
import { isKitRule } from '../../conformance/library/sentences.js';

interface Entry {
  id: string;
  kind: string;
  text: string;
  libraryScenarios?: string[];
}

const audit = JSON.parse(readFileSync(new URL('../../spec/sentence-audit.json', import.meta.url), 'utf8')) as { sentences: Entry[] };

describe('T-Library sentences in spec/sentence-audit.json', () => {
  it('every sentence naming T-Library or a client is a rule with library scenarios', () => {
    const about = audit.sentences.filter((e) => /T-Library|client side|After a client/.test(e.text));
    expect(about.length).toBeGreaterThanOrEqual(6);
    expect(about.filter((e) => e.kind !== 'rule' || !e.libraryScenarios?.length).map((e) => e.text)).toEqual([]);
  });

  it("every library scenario is listed under the sentence it cites (the kit's own rules excepted)", () => {
    const problems = LIBRARY_SCENARIOS.filter((s) => !isKitRule(s.sentence)).flatMap((s) => {
      const entry = audit.sentences.find((e) => e.id === s.sentence);
      return entry?.libraryScenarios?.includes(s.id) ? [] : [`${s.id} cites ${s.sentence}, whose audit entry does not list it`];
    });
    expect(problems).toEqual([]);
  });

  it('every library scenario appears in the audit or is a rule of the kit', () => {
    const listed = new Set(audit.sentences.flatMap((e) => e.libraryScenarios ?? []));
    expect(LIBRARY_SCENARIOS.filter((s) => !listed.has(s.id) && !isKitRule(s.sentence)).map((s) => s.id)).toEqual([]);
  });
});
