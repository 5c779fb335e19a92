/**
 * A library scenario: one sentence of the reference about T-Library (or a
 * rule the kit states as its own), a script for the kit's pair, and checks
 * on what the servers saw and what reached the application.
 */
import type { UserDataForm } from './forms.js';
import type { LibraryContext } from './context.js';
import type { LibrarySentenceId } from './sentences.js';

export interface LibraryScenario {
  /** Stable, under "library/". */
  id: string;
  title: string;
  /** The sentence enforced, quoted; a rule of the kit's own says so. */
  reference: string;
  /** The sentence's id in spec/reference/sentences.json (or a kit rule's id). */
  sentence: LibrarySentenceId;
  level: 'must' | 'should';
  /** The UserData form this scenario is about; a library that does not claim it makes the scenario 'skip'. */
  form?: UserDataForm;
  /** How the pair starts: false keeps the primary's EventRestoreConnection ServerRole 0 until the script sends it. */
  restoreAtRegistration?: boolean;
  run(ctx: LibraryContext): Promise<void>;
}
