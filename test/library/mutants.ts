/**
 * Library mutants as data (mutants.json): each is the example bridge's
 * behaviour with one sentence broken (test/library/mutant-bridge.mjs
 * implements them), the sentence or kit rule it breaks by id, and the
 * scenarios that must fail because of it.
 */
import { readFileSync } from 'node:fs';
import { isKitRule, type LibrarySentenceId } from '../../conformance/library/sentences.js';
import { isSentenceId } from '../../src/reference/sentences.js';

export interface LibraryMutant {
  name: string;
  breaks: LibrarySentenceId;
  /** What the mutant does wrong, for people. */
  does: string;
  /** Scenarios that must fail against it. */
  fails: string[];
  /**
   * Only waiting can notice it (what it breaks is something never arriving):
   * its scenarios may end in `timeout`. Every other mutant must be caught by
   * a failing check, so a slow machine's timeout is never taken for a detection.
   */
  noticedByWaiting?: true;
}

/** An entry of mutants.json as written: `breaks` is checked when it is read. */
type MutantData = Omit<LibraryMutant, 'breaks'> & { breaks: string };

function cited(m: MutantData): LibraryMutant {
  if (!isSentenceId(m.breaks) && !isKitRule(m.breaks)) throw new Error(`library mutant ${m.name}: breaks "${m.breaks}", neither a sentence of spec/reference/sentences.json nor a kit rule`);
  return { ...m, breaks: m.breaks };
}

export const LIBRARY_MUTANTS: readonly LibraryMutant[] = (JSON.parse(readFileSync(new URL('./mutants.json', import.meta.url), 'utf8')) as MutantData[]).map(cited);
