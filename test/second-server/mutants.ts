/**
 * The mutants of mutants.json: each breaks exactly one sentence of the
 * reference, cited by its id in the sentence catalogue
 * (spec/reference/sentences.json); the server (or, for `where: "bridge"`,
 * the bridge) takes its id. The catalogue is read as data, so the text and
 * section of each sentence live in one place.
 */
import { readFileSync } from 'node:fs';

export const MUTANT_KINDS = ['late', 'backup-only', 'after-switchover', 'one-copy', 'unknown-resource', 'nested-format', 'trailing-answer', 'merged-keys', 'app-view'] as const;
export type MutantKind = (typeof MUTANT_KINDS)[number];

/** One entry of mutants.json as written. */
export interface MutantData {
  id: string;
  /** Id of the sentence it breaks in spec/reference/sentences.json, e.g. `EventACK.row.time`. */
  sentenceId: string;
  scenarioHint: string;
  description: string;
  /** Who carries the fault; the server unless said otherwise. */
  where?: 'server' | 'bridge';
  /**
   * Where and when the break shows, for the mutants a runner that judges only
   * the first copy, the primary, the time before a switchover, positive
   * inputs, the flat format, the awaited answer or the default quiet time
   * would miss.
   */
  kind?: MutantKind;
  /** One of the three mutants `fuzz --target` is to find (a live-server property, not a scenario). */
  fuzzTarget?: boolean;
}

export interface Mutant extends MutantData {
  /** The catalogue's section of the sentence (the event it is about). */
  section: string;
  /** The catalogue's text of the sentence. */
  sentence: string;
}

export interface CatalogueEntry {
  id: string;
  section: string;
  kind: string;
  text: string;
}

export const CATALOGUE: ReadonlyMap<string, CatalogueEntry> = new Map(
  (JSON.parse(readFileSync(new URL('../../spec/reference/sentences.json', import.meta.url), 'utf8')) as { sentences: CatalogueEntry[] }).sentences.map((s) => [s.id, s]),
);

function withSentence(data: MutantData): Mutant {
  const entry = CATALOGUE.get(data.sentenceId);
  if (!entry) throw new Error(`mutant ${data.id}: sentenceId "${data.sentenceId}" is not in spec/reference/sentences.json`);
  return { ...data, section: entry.section, sentence: entry.text };
}

export const MUTANTS: readonly Mutant[] = (JSON.parse(readFileSync(new URL('./mutants.json', import.meta.url), 'utf8')) as MutantData[]).map(withSentence);

const BY_ID = new Map(MUTANTS.map((m) => [m.id, m]));

export function mutantById(id: string): Mutant | undefined {
  return BY_ID.get(id);
}
