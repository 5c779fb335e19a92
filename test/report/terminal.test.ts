import { describe, expect, it } from 'vitest';
import { formatTraceRecord, renderCaseLine, renderSummary } from '../../conformance/report/index.js';
import { caseById, loadFixture } from './fixtures.js';

const sample = loadFixture('sample-run');
const ESC = '\u001b';

describe('renderCaseLine', () => {
  it('prints a pass as one line: mark, id, title, duration', () => {
    const line = renderCaseLine(caseById(sample, 'ack/user-event/reference-id'));
    expect(line).toBe(' ✓ ack/user-event/reference-id EventACK answers TSendUserEvent with its ReferenceID (4 ms)');
  });

  it('adds an indented reason and Expected/Actual under a failure', () => {
    const lines = renderCaseLine(caseById(sample, 'ack/transaction-monitoring/subscription-id-start')).split('\n');
    expect(lines[0]).toMatch(/^ ✗ FAIL ack\/transaction-monitoring\/subscription-id-start .* \(7 ms\)$/);
    expect(lines.slice(1)).toEqual([
      '      EventACK for SubscriptionStart arrived without SubscriptionID.',
      '      Expected: EventACK with ReferenceID 7 and a SubscriptionID',
      '      Actual:   EventACK with ReferenceID 7 and no SubscriptionID',
      '      Reproduce: tlib-kit conform --run ack/transaction-monitoring/subscription-id-start --seed 1729',
    ]);
  });

  it('says why a scenario was skipped', () => {
    const text = renderCaseLine(caseById(sample, 'call-info-changed/customer-id'));
    expect(text).toContain('SKIP');
    expect(text).toContain('no control hook');
  });

  it('uses ANSI colour only when asked', () => {
    const r = caseById(sample, 'restore-connection/never-delivered');
    expect(renderCaseLine(r)).not.toContain(ESC);
    expect(renderCaseLine(r, { color: true })).toContain(`${ESC}[31m✗`);
  });
});

describe('renderSummary', () => {
  const text = renderSummary(sample);

  it('shows target, seed and duration', () => {
    expect(text).toContain('embedded simulator (hot-standby pair)');
    expect(text).toMatch(/Seed\s+1729/);
    expect(text).toMatch(/Duration\s+2\.84 s/);
  });

  it('counts each verdict', () => {
    expect(text).toMatch(/passed\s+3$/m);
    expect(text).toMatch(/failed\s+2$/m);
    expect(text).toMatch(/timed out\s+1$/m);
    expect(text).toMatch(/skipped\s+1$/m);
    expect(text).toMatch(/known failures\s+1$/m);
    expect(text).toMatch(/total\s+10$/m);
  });

  it('lists each non-conforming scenario with its reason and reference sentence, and only those', () => {
    const section = text.slice(text.indexOf('Did not conform'), text.indexOf('Skipped or tolerated'));
    expect(section).toContain('Did not conform (3)');
    // The error verdict is the run breaking, not the target: listed apart, never as "did not conform".
    expect(section).toContain('Could not be judged (1)');
    for (const id of ['ack/transaction-monitoring/subscription-id-start', 'restore-connection/never-delivered', 'hardware-error/switch-fault', 'ack/set-input-mask/reference-id']) {
      const r = caseById(sample, id);
      expect(section).toContain(id);
      expect(section).toContain(r.reason!);
      expect(section).toContain(`“${r.reference}”`);
    }
    expect(section).not.toContain('user-event/this-dn');
    expect(section).not.toContain('ack/user-event/reference-id');
  });

  it('shows the reproduce command under every failure of the summary, once', () => {
    for (const r of sample.results.filter((x) => x.verdict === 'fail' || x.verdict === 'timeout' || x.verdict === 'error')) {
      expect(text.split(`Reproduce: ${r.reproduce!}`)).toHaveLength(2);
    }
  });

  it('a run-level problem alone fails the headline and is listed', () => {
    const stale = { ...sample, results: [caseById(sample, 'ack/user-event/reference-id')], problems: ['ack/user-event/reference-id is listed as known failing (line 1) but now passes: remove it from the list'] };
    const lines = renderSummary(stale).split('\n');
    expect(lines.at(-1)).toBe('RESULT: FAILED (1 run-level problem, 1 of 1 passed)');
    expect(lines).toContain('Run-level problems (1)');
    expect(lines).toContain(`  ✗ ${stale.problems[0]}`);
    const both = renderSummary({ ...sample, problems: ['a', 'b'] }).split('\n').at(-1);
    // The sample's one `error` is the run breaking, not the target: it is counted apart.
    expect(both).toBe('RESULT: FAILED (3 of 10 scenarios did not conform, 1 scenario could not be judged (errors), 2 run-level problems, 3 of 10 passed, 1 known failure, 1 flaky, 1 skipped)');
  });

  it('ends with the outcome', () => {
    expect(text.split('\n').at(-1)).toBe('RESULT: FAILED (3 of 10 scenarios did not conform, 1 scenario could not be judged (errors), 3 of 10 passed, 1 known failure, 1 flaky, 1 skipped)');
    const allPass = { ...sample, results: [caseById(sample, 'ack/user-event/reference-id')] };
    expect(renderSummary(allPass).split('\n').at(-1)).toContain('RESULT: PASSED');
  });
});

describe('formatTraceRecord', () => {
  const exchange = caseById(sample, 'ack/user-event/reference-id').exchange;

  it('prints time, direction, decoded event and attributes, then the hex in bytes', () => {
    const [first, ...hex] = formatTraceRecord(exchange[0]!).split('\n');
    expect(first).toBe('    +0.3 ms  client-a → primary  RequestDistributeUserEvent ReferenceID=5 ThisDN="1001" UserData=[["Topic","greeting"]]');
    expect(hex.join(' ').trim().replace(/\s+/g, '')).toBe(exchange[0]!.hex);
    expect(hex[0]).toMatch(/^ {14}00 00 00 30 00 00 00 30/);
  });

  it('points receives from the peer to the actor', () => {
    expect(formatTraceRecord(exchange[1]!)).toContain('client-a ← primary  EventACK ReferenceID=5');
  });

  it('flags the violating record and prints notes as notes', () => {
    const fail = caseById(sample, 'hardware-error/switch-fault').exchange;
    expect(formatTraceRecord(fail[2]!)).toContain('note: control: switch fault');
    expect(formatTraceRecord(fail[3]!)).toContain('◀ VIOLATION');
    expect(formatTraceRecord(fail[2]!)).not.toContain('VIOLATION');
  });
});
