/**
 * The reference's sentences by id. Code cites an id and reads the text from
 * here, so each sentence is written once, in spec/reference/sentences.json.
 * Imports nothing outside this folder: the codec entry may use it.
 */
import { CATALOGUE, type SentenceId } from './generated/catalogue.js';
import type { Sentence } from './types.js';

export type { SentenceId } from './generated/catalogue.js';

/** A Map, so that an id from outside (a file, a command line) never reaches Object.prototype. */
const BY_ID: ReadonlyMap<string, Sentence> = new Map(CATALOGUE.map((s) => [s.id, s]));

/** Thrown for an id the catalogue does not hold. */
export class UnknownSentenceError extends Error {
  override readonly name = 'UnknownSentenceError';
  readonly code = 'UNKNOWN_SENTENCE';
  constructor(readonly id: string) {
    super(`no sentence of the reference has the id ${JSON.stringify(id)} (spec/reference/sentences.json lists them)`);
  }
}

export function isSentenceId(id: string): id is SentenceId {
  return BY_ID.has(id);
}

/** The catalogue entry of `id`; an unknown id throws UnknownSentenceError. */
export function sentenceEntry(id: string): Sentence {
  const found = BY_ID.get(id);
  if (found === undefined) throw new UnknownSentenceError(id);
  return found;
}

/** The text of the sentence `id`, as the reference reads. */
export function sentence(id: string): string {
  return sentenceEntry(id).text;
}

/**
 * The sentences `ids` quoted as one passage: in the given order, each that
 * does not end as a sentence does (a title, a table row) closed with a period.
 */
export function quote(ids: readonly string[]): string {
  return ids.map((id) => sentence(id)).map((t) => (/[.!?:;"”]$/.test(t) ? t : `${t}.`)).join(' ');
}

/** Every sentence, in the order of the reference. */
export function allSentences(): readonly Sentence[] {
  return CATALOGUE;
}
