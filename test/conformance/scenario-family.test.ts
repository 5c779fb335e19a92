/** scenarioFamily: what a family says once, and what each scenario adds or gives of its own. */
import { describe, expect, it } from 'vitest';
import { scenarioFamily } from '../../conformance/scenarios/family.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { quote } from '../../src/reference/sentences.js';

const run = async (): Promise<void> => {};

describe('scenarioFamily', () => {
  const [plain, own] = scenarioFamily({ needs: ['pair'], uses: { dns: 1 } }, [
    { id: 'x/plain', title: 'cites two sentences', cites: ['EventACK.row.ReferenceID', 'EventACK.description.0'], run },
    { id: 'x/own', title: 'quotes its own passage', reference: 'a passage', level: 'must', needs: ['second-client'], uses: { dns: 2, agents: 1 }, cites: ['EventACK.row.ReferenceID'], run },
  ]);

  it('quotes the cited sentences when a scenario quotes no passage of its own', () => {
    expect(plain!.reference).toBe(quote(['EventACK.row.ReferenceID', 'EventACK.description.0']));
    expect(own!.reference).toBe('a passage');
  });

  it('adds a scenario\'s needs and uses to the family\'s', () => {
    expect(plain).toMatchObject({ level: 'must', needs: ['pair'], uses: { dns: 1 } });
    expect(own).toMatchObject({ needs: ['pair', 'second-client'], uses: { dns: 2, agents: 1 } });
  });

  it('cites a scenario\'s own sentences, then the family\'s', () => {
    const [member, bare] = scenarioFamily({ cites: ['EventACK.description.0'] }, [
      { id: 'y/member', title: 'cites one of its own', cites: ['EventACK.row.ReferenceID'], run },
      { id: 'y/bare', title: 'cites only what the family does', run },
    ]);
    expect(member!.cites).toEqual(['EventACK.row.ReferenceID', 'EventACK.description.0']);
    expect(member!.reference).toBe(quote(['EventACK.row.ReferenceID', 'EventACK.description.0']));
    expect(bare!.cites).toEqual(['EventACK.description.0']);
  });

  it('leaves every shipped scenario a reference to quote and a sentence it checks', () => {
    for (const s of SCENARIOS) expect(s.cites.length, s.id).toBeGreaterThan(0);
    for (const s of SCENARIOS) expect(s.reference.length, s.id).toBeGreaterThan(10);
  });
});
