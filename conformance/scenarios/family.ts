/**
 * The scenarios of one file share what they need from the target and what
 * they lease; that is said once, and each scenario gives only what is its
 * own. Its needs and uses add to the family's; its level is 'must' unless
 * it says otherwise.
 */
import type { Need, ResourceUse, Scenario } from '../model/scenario.js';

/** What every scenario of a family needs and leases. */
export interface FamilyTraits {
  needs?: readonly Need[];
  uses?: ResourceUse;
}

/** A scenario of a family: what it adds to the family's needs and uses is optional. */
export type FamilyMember = Omit<Scenario, 'level' | 'needs'> & Partial<Pick<Scenario, 'level' | 'needs'>>;

export function scenarioFamily(traits: FamilyTraits, members: readonly FamilyMember[]): Scenario[] {
  return members.map(({ needs = [], uses, ...own }) => {
    const leased = traits.uses || uses ? { uses: { ...traits.uses, ...uses } } : {};
    return { level: 'must', ...own, needs: [...(traits.needs ?? []), ...needs], ...leased };
  });
}
