import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJunit, writeJunitReport } from '../../conformance/report/index.js';
import { caseById, loadFixture } from './fixtures.js';
import { findAll, parseXml, textOf, type XmlElement } from './xml-parse.js';

const sample = loadFixture('sample-run');
const doc = parseXml(renderJunit(sample));
const suite = findAll(doc, 'testsuite');
const testcase = (id: string): XmlElement => {
  const found = findAll(doc, 'testcase').find((t) => t.attrs.name === id);
  if (!found) throw new Error(`no testcase ${id}`);
  return found;
};

describe('JUnit report', () => {
  it('is one testsuite with one testcase per scenario', () => {
    expect(doc.name).toBe('testsuites');
    expect(suite).toHaveLength(1);
    expect(findAll(doc, 'testcase').map((t) => t.attrs.name)).toEqual(sample.results.map((r) => r.id));
  });

  it('counts failures (fail and timeout), errors and skipped (skip and known failure)', () => {
    expect(suite[0]!.attrs).toMatchObject({ tests: '10', failures: '3', errors: '1', skipped: '2', time: '2.841' });
    expect(findAll(doc, 'failure')).toHaveLength(3);
    expect(findAll(doc, 'error')).toHaveLength(1);
    expect(findAll(doc, 'skipped')).toHaveLength(2);
  });

  it('derives the class name from the id prefix', () => {
    expect(testcase('ack/transaction-monitoring/subscription-id-start').attrs.classname).toBe('ack.transaction-monitoring');
    expect(testcase('hardware-error/switch-fault').attrs.classname).toBe('hardware-error');
  });

  it('gives a failure the reason as message and expected, actual, reference and exchange as body', () => {
    const r = caseById(sample, 'ack/transaction-monitoring/subscription-id-start');
    const [failure] = findAll(testcase(r.id), 'failure');
    expect(failure!.attrs.message).toBe(r.reason);
    const body = textOf(failure!);
    expect(body).toContain(`Expected: ${r.expected}`);
    expect(body).toContain(`Actual: ${r.actual}`);
    expect(body).toContain(`Reference: “${r.reference}”`);
    expect(body).toMatch(/client-a ← primary {2}EventACK ReferenceID=7 .*◀ VIOLATION/);
  });

  it('marks a timeout as a failure of type timeout and a broken run as an error', () => {
    expect(findAll(testcase('hardware-error/switch-fault'), 'failure')[0]!.attrs.type).toBe('timeout');
    expect(findAll(testcase('ack/set-input-mask/reference-id'), 'error')[0]!.attrs.message).toBe('Connection to tcp://127.0.0.1:7000 refused.');
  });

  it('gives a skipped scenario its reason', () => {
    const r = caseById(sample, 'call-info-changed/customer-id');
    expect(findAll(testcase(r.id), 'skipped')[0]!.attrs.message).toBe(r.reason);
  });

  it('leaves passing testcases without failure elements', () => {
    expect(testcase('ack/user-event/reference-id').children).toEqual([]);
  });

  it('carries target and seed as properties', () => {
    const props = Object.fromEntries(findAll(doc, 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props).toMatchObject({ target: sample.target.description, 'target.kind': 'embedded', seed: '1729', timeoutMs: '2000', node: sample.node, schemaVersion: '1.0.0' });
  });

  it('puts the reproduce command in every failure body', () => {
    const r = caseById(sample, 'ack/transaction-monitoring/subscription-id-start');
    expect(textOf(findAll(testcase(r.id), 'failure')[0]!)).toContain(`Reproduce: ${r.reproduce!}`);
  });

  it('turns run-level problems into a failing testcase and counts it', () => {
    const stale = { ...sample, problems: ['k.txt:2: "ack/nope" matches no scenario'], rewriteKnownFailing: 'tlib-kit conform --write-known-failing k.txt' };
    const parsed = parseXml(renderJunit(stale));
    const suite = findAll(parsed, 'testsuite')[0]!;
    const run = findAll(parsed, 'testcase').find((t) => t.attrs.name === 'run/known-lists')!;
    expect(run.attrs.classname).toBe('run');
    const failure = findAll(run, 'failure')[0]!;
    expect(failure.attrs.message).toContain('1 run-level problem: k.txt:2');
    expect(textOf(failure)).toContain('tlib-kit conform --write-known-failing k.txt');
    expect(Number(suite.attrs.failures)).toBe(Number(findAll(doc, 'testsuite')[0]!.attrs.failures) + 1);
    expect(Number(suite.attrs.tests)).toBe(sample.results.length + 1);
    expect(findAll(doc, 'testcase').some((t) => t.attrs.name === 'run/known-lists')).toBe(false);
  });

  it('writes the same document to a file', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tlib-junit-')), 'out', 'junit.xml');
    await writeJunitReport(sample, path);
    expect(await readFile(path, 'utf8')).toBe(renderJunit(sample));
  });
});
