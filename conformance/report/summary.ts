/** The table printed after a run: what was tested, how it went, and which rules broke. */
import { outsideTablesLines, type CaseResult, type RunReport, type Verdict } from '../report-model.js';
import { paint } from './ansi.js';
import { caseDetails } from './case-line.js';
import { formatDuration } from './format.js';
import { sanitizeOneLine } from './sanitize.js';
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

function problem(r: CaseResult, color: boolean | undefined): string[] {
  const look = VERDICT_LOOK[r.verdict];
  return [
    `  ${paint(look.mark, look.style, color)} ${paint(sanitizeOneLine(r.id), 'bold', color)} ${paint(look.label, look.style, color)} ${paint(`[${r.level.toUpperCase()}]`, 'gray', color)}`,
    ...caseDetails(r, color),
    `      ${paint('Reference:', 'gray', color)} “${sanitizeOneLine(r.reference)}”`,
    ...(r.reproduce ? [`      ${paint('Reproduce:', 'gray', color)} ${sanitizeOneLine(r.reproduce)}`] : []),
  ];
}

function tolerated(r: CaseResult, color: boolean | undefined): string {
  const look = VERDICT_LOOK[r.verdict];
  const why = r.reason ? ` ${paint(sanitizeOneLine(r.reason), 'gray', color)}` : '';
  return `  ${paint(look.mark, look.style, color)} ${sanitizeOneLine(r.id)} ${paint(look.label.toLowerCase(), look.style, color)}${why}`;
}

/** An error is the run breaking (a connection, a hook, the runner), not the target breaking a rule: it is never "did not conform". */
const judged = (r: CaseResult): boolean => r.verdict !== 'error';

function verdictLine(report: RunReport, color: boolean | undefined): string {
  const problems = report.results.filter((r) => isProblem(r.verdict));
  const runProblems = report.problems?.length ?? 0;
  if (problems.length === 0 && runProblems === 0) return paint('RESULT: PASSED', 'green', color) + ` (${report.summary.passed} of ${report.summary.total} passed)`;
  const plural = (n: number): string => `${n} scenario${n === 1 ? '' : 's'}`;
  const failed = problems.filter(judged).length;
  const errors = problems.length - failed;
  const words = [
    failed ? `${plural(failed)} did not conform` : '',
    errors ? `${plural(errors)} could not be judged (errors)` : '',
    runProblems ? `${runProblems} run-level problem${runProblems === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return paint(`RESULT: FAILED (${words.join(', ')})`, 'red', color);
}

export function renderSummary(report: RunReport, opts: Opts = {}): string {
  const { color } = opts;
  const problems = report.results.filter((r) => isProblem(r.verdict));
  const others = report.results.filter((r) => !isProblem(r.verdict) && r.verdict !== 'pass');
  const out = [...header(report, color), '', ...counts(report, color)];
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
  out.push('', verdictLine(report, color));
  return out.join('\n');
}
