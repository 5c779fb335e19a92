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
}

export const MUTANTS: readonly Mutant[] = JSON.parse(
  readFileSync(new URL('./mutants.json', import.meta.url), 'utf8'),
) as Mutant[];

const BY_ID = new Map(MUTANTS.map((m) => [m.id, m]));

export function mutantById(id: string): Mutant | undefined {
  return BY_ID.get(id);
}
