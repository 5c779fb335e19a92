/** Strings from a target, bridge or hook reach each sink neutralised: the terminal (preflight line), JUnit (XML 1.0) and the summary. */
import { describe, expect, it } from 'vitest';
import { runConformCommand } from '../../cli/commands/conform.js';
import { renderJunit, renderSummary } from '../../conformance/report/index.js';
import { loadFixture } from '../report/fixtures.js';
import { parseXml } from '../report/xml-parse.js';

const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('the preflight error line', () => {
  it('carries a bridge stderr without its escape sequences (title, clear screen, a forged verdict line)', async () => {
    let err = '';
    const script = `printf '\\033]0;owned\\007\\033[2J\\033[1;1Hforged\\rRESULT: PASSED\\302\\235 tail\\n' >&2; exit 1`;
    const code = await runConformCommand(['--target', `exec:${script}`, '--timeout', '1000'], { out: () => undefined, err: (t) => (err += t), color: false });
    expect(code).toBe(2);
    expect(err).toContain('preflight');
    expect(err).toContain('RESULT: PASSED');
    expect(err).toContain('tail');
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err.replace(/\n$/, '')).not.toMatch(UNSAFE);
  }, 30_000);
});

describe('a U+009D in a server string', () => {
  const sample = loadFixture('sample-run');
  const failed = sample.results.find((r) => r.verdict === 'fail')!;
  const hostile = { ...sample, results: [{ ...failed, reason: 'bad\u009d value', actual: 'x\u009dy' }] };

  it('does not delete the rest of the JUnit failure text', () => {
    const xml = renderJunit(hostile);
    parseXml(xml);
    for (const part of ['Expected:', 'Actual: xy', 'Reference:', 'Reproduce:', 'Exchange:']) expect(xml).toContain(part);
  });

  it('does not delete the rest of the terminal summary', () => {
    const text = renderSummary(hostile);
    expect(text).toContain('Reference:');
    expect(text).toContain('RESULT: FAILED');
    expect(text).not.toMatch(UNSAFE);
  });
});
