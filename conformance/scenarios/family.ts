/**
 * The scenarios of one file share what they need from the target, what
 * they lease and the sentences they all check; that is said once, and each
 * scenario gives only what is its own. Its needs, uses and cites add to the
 * family's; its level is 'must' unless it says otherwise; its reference is
 * the sentences it cites, quoted, unless it quotes a passage of its own.
 */
import { quote, type SentenceId } from '../../src/reference/sentences.js';
import type { Need, ResourceUse, Scenario } from '../model/scenario.js';

/** What every scenario of a family needs, leases and checks. */
export interface FamilyTraits {
  needs?: readonly Need[];
  uses?: ResourceUse;
  /** Sentences every scenario of the family checks (cited after each one's own). */
  cites?: readonly SentenceId[];
}

type Inherited = 'level' | 'needs' | 'reference' | 'cites';
/** A scenario of a family: what it adds to the family's needs, uses and cites is optional. */
export type FamilyMember = Omit<Scenario, Inherited> & Partial<Pick<Scenario, Inherited>>;

export function scenarioFamily(traits: FamilyTraits, members: readonly FamilyMember[]): Scenario[] {
  return members.map(({ needs = [], uses, reference, cites = [], ...own }) => {
    const leased = traits.uses || uses ? { uses: { ...traits.uses, ...uses } } : {};
    const cited = [...cites, ...(traits.cites ?? [])];
    return { level: 'must', ...own, reference: reference ?? quote(cited), cites: cited, needs: [...(traits.needs ?? []), ...needs], ...leased };
  });
}
