/** --known-failing and --known-flaky semantics, and selection by id, prefix and glob. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKnownList } from '../../conformance/runner/known-list.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { matchesId, selectScenarios } from '../../conformance/runner/select.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tlib-kit-known-'));
const list = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
// With reserved-leak every reservation naming a DN leaks; at-least-one reserves by AgentID alone and passes.
const LEAK = ['--sim-defect', 'reserved-leak', '--run', 'agent-reserved/no-leak', '--run', 'agent-reserved/at-least-one', '--timeout', '1000'];

describe('--known-failing', () => {
  it('accepts a failure the list expects, with its message prefix', async () => {
    const file = list('ok.txt', 'agent-reserved/no-leak # bystander received EventAgentReserved\n');
    const r = await cli([...LEAK, '--known-failing', file]);
    expect(r.code).toBe(0);
  });

  it('fails the run when an entry now passes, and prints the command that rewrites the list', async () => {
    const file = list('stale.txt', 'agent-reserved/no-leak\nagent-reserved/at-least-one\n');
    const r = await cli([...LEAK, '--known-failing', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('agent-reserved/at-least-one is listed as known failing (line 2) but now passes');
    expect(r.out).toContain(`--write-known-failing ${file}`);
  });

  it('fails the run when an entry fails with another message', async () => {
    const file = list('differs.txt', 'agent-reserved/no-leak # something else entirely\n');
    const r = await cli([...LEAK, '--known-failing', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('fails differently than the known-failing list expects');
  });

  it('fails the run on an entry that names no scenario', async () => {
    const file = list('typo.txt', 'agent-reserved/no-leak\nagent-reserved/no-such-thing\n');
    const r = await cli([...LEAK, '--known-failing', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('"agent-reserved/no-such-thing" matches no scenario');
  });

  it('writes a list that the next run accepts', async () => {
    const file = join(dir, 'written.txt');
    expect((await cli([...LEAK, '--write-known-failing', file])).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toContain('agent-reserved/no-leak # ');
    expect((await cli([...LEAK, '--known-failing', file])).code).toBe(0);
  });

  it('refuses a line that is not one id or glob', () => {
    expect(() => parseKnownList('ack/x ack/y\n', 'k.txt')).toThrow('k.txt:1');
  });
});

describe('--known-flaky', () => {
  it('reports a listed scenario that fails as flaky without failing the run', async () => {
    const file = list('flaky.txt', 'agent-reserved/*\n');
    const r = await cli([...LEAK, '--known-flaky', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/flaky\s+1/);
  });
});

describe('selection', () => {
  const all = [{ id: 'ack/user-event/reference-id' }, { id: 'ack/transaction-monitoring/start' }, { id: 'agent-reserved/no-leak' }];
  it('matches exact ids, prefixes at a segment boundary, and globs', () => {
    expect(matchesId('ack', 'ack/user-event/reference-id')).toBe(true);
    expect(matchesId('ack/', 'ack/user-event/reference-id')).toBe(true);
    expect(matchesId('ac', 'ack/user-event/reference-id')).toBe(false);
    expect(matchesId('ack/user-event', 'ack/user-event-attribute')).toBe(false);
    expect(matchesId('ack/*/start', 'ack/transaction-monitoring/start')).toBe(true);
    expect(matchesId('ack/*/start', 'ack/transaction-monitoring/stop')).toBe(false);
    expect(matchesId('ack/**', 'ack/transaction-monitoring/start')).toBe(true);
    expect(matchesId('**/no-leak', 'agent-reserved/no-leak')).toBe(true);
    expect(matchesId('**/no-leak', 'agent-reserved/no-leak-2')).toBe(false);
    expect(matchesId('ack/user-?vent', 'ack/user-event/reference-id')).toBe(true);
  });
  it('a glob selects what it matches and everything under it: ack/* is all of ack/, like ack', () => {
    expect(matchesId('ack/*', 'ack/transaction-monitoring/start')).toBe(true);
    expect(matchesId('ack/*', 'agent-reserved/no-leak')).toBe(false);
    const ack = SCENARIOS.filter((s) => s.id.startsWith('ack/')).map((s) => s.id);
    expect(ack.length).toBeGreaterThan(1);
    for (const p of ['ack', 'ack/', 'ack/*', 'ack/**']) expect(selectScenarios(SCENARIOS, [p], []).map((s) => s.id)).toEqual(ack);
  });
  it('runs what --run selects minus what --skip selects, and refuses a pattern that selects nothing', () => {
    expect(selectScenarios(all, ['ack'], ['ack/**/start']).map((s) => s.id)).toEqual(['ack/user-event/reference-id']);
    expect(() => selectScenarios(all, ['nope'], [])).toThrow('"nope" matches no scenario id');
  });
});
