/**
 * Late breaks are counted, not timed: each extra EventPrimaryChanged a server
 * sends is a break of its own, and the ledger hands one break to each attempt
 * that takes it, keeping the rest for the next attempt or the run's end.
 */
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../conformance/rules/attribution.js';
import { violation } from '../../conformance/model/failure.js';
import { RoleReports } from '../../conformance/rules/received-rules.js';
import type { Message } from '../../src/index.js';

const changed: Message = { Event: 'EventPrimaryChanged' };
const demoted: Message = { Event: 'EventRestoreConnection', ServerRole: 1 };

describe('role reports', () => {
  it('numbers every EventPrimaryChanged that follows another with no ServerRole 1 between them', () => {
    const roles = new RoleReports();
    const ordinals = [demoted, changed, demoted, changed, changed, changed, demoted, changed, changed].map((m) => roles.judge(m, 'switching')?.ordinal);
    expect(ordinals).toEqual([undefined, undefined, undefined, undefined, 1, 2, undefined, undefined, 3]);
  });

  it('starts counting again when another scenario changes the pair', () => {
    const roles = new RoleReports();
    expect(roles.judge(changed, 'first')).toBeUndefined();
    expect(roles.judge(changed, 'second')).toBeUndefined();
    expect(roles.judge(changed, 'second')?.ordinal).toBe(1);
  });
});

describe('the ledger', () => {
  const error = violation('observer received EventPrimaryChanged again', 'one', 'two', undefined, 'sentence');

  it('hands an attempt one break and keeps the others for the next attempt and the end of the run', () => {
    const ledger = new Ledger();
    ledger.violate('s', error, 'role report 1 from a');
    ledger.violate('s', error, 'role report 2 from a');
    // The second observer of the same server sees the same report: counted once.
    ledger.violate('s', error, 'role report 2 from a');
    ledger.violate('s', error, 'role report 3 from a');
    expect(ledger.take('s')).toBe(error);
    expect(ledger.untaken().get('s')?.causes.size).toBe(2);
    expect(ledger.take('s')).toBe(error);
    expect(ledger.take('s')).toBe(error);
    expect(ledger.take('s')).toBeUndefined();
    expect(ledger.untaken().size).toBe(0);
  });

  it('gives a break without a known cause to one attempt', () => {
    const ledger = new Ledger();
    ledger.violate('s', error);
    expect(ledger.take('s')).toBe(error);
    expect(ledger.take('s')).toBeUndefined();
  });
});
