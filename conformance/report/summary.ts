/** The table printed after a run: what was tested, how it went, and which rules broke. */
import { outsideTablesLines, type CaseResult, type RunReport, type Verdict } from './report-model.js';
import { paint } from './ansi.js';
import { caseDetails } from './case-line.js';
import { formatDuration } from './format.js';
import { sanitizeOneLine } from './sanitize.js';
import { runState, stateLine, statePasses, type RunState } from './run-state.js';
import { isProblem, VERDICT_LOOK, VERDICT_ORDER } from './verdicts.js';

type Opts = { color?: boolean };

/** The model's summary field for each verdict. */
const COUNT_OF: Record<Verdict, keyof RunReport['summary']> = {
  pass: 'passed',
  fail: 'failed',
  timeout: 'timedOut',
  error: 'errors',
  skip: 'skipped',
  'known-failure': 'knownFailures',
  flaky: 'flaky',
};

function header(report: RunReport, color: boolean | undefined): string[] {
  const row = (k: string, v: string) => `  ${paint(k.padEnd(10), 'gray', color)}${v}`;
  return [
    paint('Conformance summary', 'bold', color),
    row('Target', sanitizeOneLine(report.target.description)),
    row('Seed', String(report.seed)),
    ...(report.repeat ? [row('Repeat', `every scenario ${report.repeat} times`)] : []),
    row('Duration', `${formatDuration(report.durationMs)}  (started ${sanitizeOneLine(report.startedAt)})`),
    row('Tool', `tlib-kit ${sanitizeOneLine(report.version)} on Node ${sanitizeOneLine(report.node)}`),
  ];
}

function counts(report: RunReport, color: boolean | undefined): string[] {
  const lines = VERDICT_ORDER.map((v) => {
    const n = report.summary[COUNT_OF[v]];
    const look = VERDICT_LOOK[v];
    const text = `  ${look.mark} ${look.heading.padEnd(15)}${String(n).padStart(5)}`;
    return n > 0 ? paint(text, look.style, color) : paint(text, 'gray', color);
  });
  return [...lines, `    ${'total'.padEnd(15)}${String(report.summary.total).padStart(5)}`];
}

/** How the counts add up, so a reader can check them: total = judged + skipped + errors. */
function arithmetic(state: RunState, color: boolean | undefined): string {
  const c = state.counts;
  const judged = `judged ${c.judged} = ${c.passed} passed + ${c.failed} failed + ${c.known} known + ${c.flaky} flaky`;
  return paint(`  ${judged}; total ${c.total} = ${c.judged} judged + ${c.skipped} skipped + ${c.errors} errors`, 'gray', color);
}

function problem(r: CaseResult, color: boolean | undefined): string[] {
  const look = VERDICT_LOOK[r.verdict];
  return [
    `  ${paint(look.mark, look.style, color)} ${paint(sanitizeOneLine(r.id), 'bold', color)} ${paint(look.label, look.style, color)} ${paint(`[${r.level.toUpperCase()}]`, 'gray', color)}`,
    ...caseDetails(r, color),
    `      ${paint('Reference:', 'gray', color)} “${sanitizeOneLine(r.reference)}”`,
  ];
}

function tolerated(r: CaseResult, color: boolean | undefined): string {
  const look = VERDICT_LOOK[r.verdict];
  const why = r.reason ? ` ${paint(sanitizeOneLine(r.reason), 'gray', color)}` : '';
  return `  ${paint(look.mark, look.style, color)} ${sanitizeOneLine(r.id)} ${paint(look.label.toLowerCase(), look.style, color)}${why}`;
}

/** An error is the run breaking (a connection, a hook, the runner), not the target breaking a rule: it is never "did not conform". */
const judged = (r: CaseResult): boolean => r.verdict !== 'error';

/** The outcome as every report words it (run-state.ts). */
function verdictLine(state: RunState, color: boolean | undefined): string {
  return paint(`RESULT: ${stateLine(state)}`, statePasses(state) ? 'green' : 'red', color);
}

export function renderSummary(report: RunReport, opts: Opts = {}): string {
  const { color } = opts;
  const problems = report.results.filter((r) => isProblem(r.verdict));
  const others = report.results.filter((r) => !isProblem(r.verdict) && r.verdict !== 'pass');
  const state = runState(report);
  const out = [...header(report, color), '', ...counts(report, color), arithmetic(state, color)];
  const failed = problems.filter(judged);
  const errors = problems.filter((r) => !judged(r));
  if (failed.length > 0) out.push('', paint(`Did not conform (${failed.length})`, 'bold', color), ...failed.flatMap((r) => problem(r, color)));
  if (errors.length > 0) out.push('', paint(`Could not be judged (${errors.length})`, 'bold', color), ...errors.flatMap((r) => problem(r, color)));
  if (others.length > 0) out.push('', paint(`Skipped or tolerated (${others.length})`, 'bold', color), ...others.map((r) => tolerated(r, color)));
  const runProblems = report.problems ?? [];
  if (runProblems.length > 0) {
    out.push('', paint(`Run-level problems (${runProblems.length})`, 'bold', color), ...runProblems.map((p) => `  ${paint('✗', 'red', color)} ${sanitizeOneLine(p)}`));
  }
  const outside = outsideTablesLines(report);
  if (outside.length > 0) {
    out.push('', paint('Attributes outside the tables (accepted: no sentence forbids them)', 'bold', color), ...outside.map((l) => `  ${sanitizeOneLine(l)}`));
  }
  out.push('', verdictLine(state, color));
  return out.join('\n');
}
