import { describe, expect, it } from 'vitest';
import { SERVER_DEFECTS } from '../../src/sim/index.js';
import { DEFECTS } from '../../src/sim/defects/index.js';
import { startSimulator } from '../../src/sim/index.js';
import { CHECKS } from './defect-checks.js';

const names = Object.keys(CHECKS) as (keyof typeof CHECKS)[];

async function violations(defects: string[]): Promise<Record<string, string>> {
  const results = await Promise.all(names.map(async (n) => [n, await CHECKS[n](defects)] as const));
  return Object.fromEntries(results.filter((r): r is readonly [typeof r[0], string] => r[1] !== null));
}

describe('defects', () => {
  it('every server-side defect in the catalogue has a check', () => {
    expect(names.sort()).toEqual(SERVER_DEFECTS.map((d) => d.name).sort());
  });

  it('without defects every rule holds', async () => {
    expect(await violations([])).toEqual({});
  });

  /** A defect and its timing variants break one rule, so each one's check sees the others. */
  const sameRule = (name: string): string[] => {
    const root = (n: string): string => (DEFECTS.find((d) => d.name === n) as { variantOf?: string } | undefined)?.variantOf ?? n;
    return names.filter((n) => root(n) === root(name)).sort();
  };

  for (const name of names) {
    it(`${name} breaks its rule and no other`, async () => {
      const broken = await violations([name]);
      expect(Object.keys(broken).sort()).toEqual(sameRule(name));
    });
  }

  it('refuses unknown and client-side defect names', async () => {
    await expect(startSimulator({ defects: ['no-such-defect'] })).rejects.toMatchObject({ code: 'UNKNOWN_DEFECT' });
    await expect(startSimulator({ defects: ['restore-connection-delivered'] })).rejects.toMatchObject({ code: 'CLIENT_DEFECT' });
  });

  it('switches a defect on and off while running', async () => {
    const sim = await startSimulator({ pair: false });
    try {
      sim.ctl.setDefect('missing-time', true);
      expect(sim.ctl.state().defects).toEqual(['missing-time']);
      sim.ctl.setDefect('missing-time', false);
      expect(sim.ctl.state().defects).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
