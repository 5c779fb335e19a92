/**
 * The mutants of mutants.json: each breaks exactly one sentence of the
 * reference; the server (or, for `where: "bridge"`, the bridge) takes its id.
 */
import { readFileSync } from 'node:fs';

export interface Mutant {
  id: string;
  /** The heading of the reference the sentence belongs to. */
  section: string;
  /** Quoted exactly from spec/reference/special-events-reference.md. */
  sentence: string;
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

export const MUTANT_KINDS = ['late', 'backup-only', 'after-switchover', 'one-copy', 'unknown-resource', 'nested-format', 'trailing-answer', 'merged-keys', 'app-view'] as const;
export type MutantKind = (typeof MUTANT_KINDS)[number];

export const MUTANTS: readonly Mutant[] = JSON.parse(
  readFileSync(new URL('./mutants.json', import.meta.url), 'utf8'),
) as Mutant[];

const BY_ID = new Map(MUTANTS.map((m) => [m.id, m]));

export function mutantById(id: string): Mutant | undefined {
  return BY_ID.get(id);
}
