/**
 * The mutants of mutants.json: each breaks exactly one sentence of the
 * reference, named by its id (spec/reference/sentences.json); the server (or,
 * for `where: "bridge"`, the bridge) takes its id.
 */
import { readFileSync } from 'node:fs';
import { sentenceEntry } from '../../src/reference/sentences.js';

interface MutantEntry {
  id: string;
  /** The sentence id it breaks. */
  breaks: string;
  scenarioHint: string;
  description: string;
  /** Who carries the fault; the server unless said otherwise. */
  where?: 'server' | 'bridge';
}

export interface Mutant extends MutantEntry {
  /** The event whose part of the reference holds the sentence. */
  section: string;
  /** The sentence's text, from the catalogue. */
  sentence: string;
}

/** An unknown sentence id throws here, when the mutants are loaded. */
export const MUTANTS: readonly Mutant[] = (JSON.parse(readFileSync(new URL('./mutants.json', import.meta.url), 'utf8')) as MutantEntry[]).map((m) => {
  const { section, text } = sentenceEntry(m.breaks);
  return { ...m, section, sentence: text };
});

const BY_ID = new Map(MUTANTS.map((m) => [m.id, m]));

export function mutantById(id: string): Mutant | undefined {
  return BY_ID.get(id);
}
