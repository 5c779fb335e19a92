import { describe, expect, it } from 'vitest';
import { renderHtmlReport, renderJunit, renderSummary } from '../../conformance/report/index.js';
import { renderJsonReport } from '../../conformance/report/json-report.js';
import { runState, stateLine, type RunStateKind } from '../../conformance/report/run-state.js';
import { parseXml, type XmlElement } from './xml-parse.js';
import { STATE_RUNS, STATE_TEXT } from './state-runs.js';

const KINDS = Object.keys(STATE_RUNS) as RunStateKind[];

describe('the run state, decided once and said the same by every report', () => {
  it.each(KINDS)('%s: its kind, words and exit code', (kind) => {
    const state = runState(STATE_RUNS[kind]);
    expect(state.kind).toBe(kind);
    expect(stateLine(state)).toBe(STATE_TEXT[kind]);
    expect(state.exitCode).toBe({ passed: 0, 'passed-with-known-failures': 0, 'passed-with-skips': 0, failed: 1, 'not-judged': 2, interrupted: 130 }[kind]);
  });

  it.each(KINDS)('%s: counts add up', (kind) => {
    const c = runState(STATE_RUNS[kind]).counts;
    expect(c.judged).toBe(c.passed + c.failed + c.known + c.flaky);
    expect(c.total).toBe(c.judged + c.skipped + c.errors);
    expect(c.total).toBe(STATE_RUNS[kind].results.length);
  });

  it.each(KINDS)('%s: terminal, JSON, JUnit and HTML print the same outcome', (kind) => {
    const report = STATE_RUNS[kind];
    expect(renderSummary(report).split('\n').at(-1)).toBe(`RESULT: ${STATE_TEXT[kind]}`);
    const json = JSON.parse(renderJsonReport(report)) as { state: { kind: string; label: string; detail: string } };
    expect(`${json.state.label} (${json.state.detail})`).toBe(STATE_TEXT[kind]);
    expect(json.state.kind).toBe(kind);
    const elements = (e: XmlElement): XmlElement[] => e.children.filter((c): c is XmlElement => typeof c !== 'string');
    const all = (e: XmlElement): XmlElement[] => [e, ...elements(e).flatMap(all)];
    const props = all(parseXml(renderJunit(report))).filter((p) => p.name === 'property');
    expect(props.find((p) => p.attrs.name === 'result.detail')?.attrs.value).toBe(STATE_TEXT[kind]);
    const html = renderHtmlReport(report);
    const [label, detail] = [runState(report).label, runState(report).detail];
    expect(html).toContain(`data-state="${kind}" role="status"><strong class="state-label">${label}</strong><span class="state-detail">${detail}</span>`);
  });

  it('nothing judged (every scenario skipped) never reads as a pass', () => {
    const skipped = { ...STATE_RUNS.passed, results: STATE_RUNS.passed.results.map((r) => ({ ...r, verdict: 'skip' as const })) };
    expect(runState(skipped).kind).toBe('not-judged');
  });
});
