/**
 * --junit: one testsuite, one testcase per scenario, in the shape CI servers
 * (Jenkins, GitLab, GitHub test reporters) read. Known failures are reported
 * as skipped and flaky ones as passed, because the lists that name them exist
 * so that CI gates on regressions only.
 */
import { outsideTablesLines, type CaseResult, type RunReport } from './report-model.js';
import { boundReport } from './bounded.js';
import { runState, stateLine } from './run-state.js';
import { formatTraceRecord } from './trace.js';
import { element, xmlText } from './xml.js';
import { writeReportFile } from './write-file.js';

/** "ack/user-event/reference-id" → "ack.user-event": CI tools group testcases by dotted class name. */
export function classNameOf(id: string): string {
  const cut = id.lastIndexOf('/');
  return cut > 0 ? id.slice(0, cut).replace(/\//g, '.') : id;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** The failure body: everything a person needs without opening another report. */
export function failureText(r: CaseResult): string {
  const lines = [`Verdict: ${r.verdict} (${r.level})`];
  if (r.reason) lines.push(`Reason: ${r.reason}`);
  if (r.expected !== undefined) lines.push(`Expected: ${r.expected}`);
  if (r.actual !== undefined) lines.push(`Actual: ${r.actual}`);
  if (r.seen) lines.push(`Seen: ${r.seen}`);
  lines.push(`Reference: “${r.reference}”`);
  if (r.reproduce) lines.push(`Reproduce: ${r.reproduce}`);
  if (r.exchange.length > 0) lines.push('', 'Exchange:', ...r.exchange.map((w) => formatTraceRecord(w)));
  return lines.join('\n');
}

function outcome(r: CaseResult): string {
  const message = r.reason ?? r.verdict;
  switch (r.verdict) {
    case 'fail':
      return element('failure', { message, type: 'violation' }, xmlText(failureText(r)));
    case 'timeout':
      return element('failure', { message, type: 'timeout' }, xmlText(failureText(r)));
    case 'error':
      return element('error', { message, type: 'error' }, xmlText(failureText(r)));
    case 'skip':
      return element('skipped', { message });
    case 'known-failure':
      return element('skipped', { message: `known failure: ${message}` }, xmlText(failureText(r)));
    case 'flaky':
      return element('system-out', {}, xmlText(`flaky: ${failureText(r)}`));
    case 'pass':
      return r.seen ? element('system-out', {}, xmlText(`Seen: ${r.seen}`)) : '';
  }
}

function testcase(r: CaseResult): string {
  const body = outcome(r);
  return element('testcase', { classname: classNameOf(r.id), name: r.id, time: seconds(r.durationMs) }, body ? [body] : []);
}

function properties(report: RunReport): string {
  const props: Record<string, string> = {
    target: report.target.description,
    'target.kind': report.target.kind,
    seed: String(report.seed),
    timeoutMs: String(report.timeoutMs),
    version: report.version,
    node: report.node,
    schemaVersion: report.schemaVersion,
    ...(report.outsideTables ? { outsideTables: outsideTablesLines(report).join('; ') } : {}),
    result: runState(report).label,
    'result.detail': stateLine(runState(report)),
    ...(report.repeat ? { repeat: String(report.repeat) } : {}),
    ...(report.interrupted ? { interrupted: 'true' } : {}),
  };
  return element(
    'properties',
    {},
    Object.entries(props).map(([name, value]) => element('property', { name, value })),
  );
}

/** The name CI shows for run-level problems: a failing testcase, so a stale list entry cannot pass as green. */
export const RUN_PROBLEMS_CASE = 'run/known-lists';

/** Problems that belong to no one scenario (stale --known-failing entries) as one failing testcase. */
function runProblems(report: RunReport): string[] {
  const problems = report.problems ?? [];
  if (problems.length === 0) return [];
  const text = [...problems, ...(report.rewriteKnownFailing ? ['', `To make the list match this run: ${report.rewriteKnownFailing}`] : [])].join('\n');
  const failure = element('failure', { message: `${problems.length} run-level problem${problems.length === 1 ? '' : 's'}: ${problems[0]}`, type: 'run-problem' }, xmlText(text));
  return [element('testcase', { classname: 'run', name: RUN_PROBLEMS_CASE, time: seconds(0) }, [failure])];
}

/** The JUnit XML in pieces (one per testcase), from the bounded report. */
export function* junitChunks(full: RunReport): Generator<string> {
  const report = boundReport(full);
  const count = (pred: (r: CaseResult) => boolean) => report.results.filter(pred).length;
  const problemCases = runProblems(report);
  const attrs = element('testsuite', {
    name: report.interrupted ? 'tlib-kit conformance (interrupted)' : 'tlib-kit conformance',
    tests: report.results.length + problemCases.length,
    failures: count((r) => r.verdict === 'fail' || r.verdict === 'timeout') + problemCases.length,
    errors: count((r) => r.verdict === 'error'),
    skipped: count((r) => r.verdict === 'skip' || r.verdict === 'known-failure'),
    time: seconds(report.durationMs),
    timestamp: report.startedAt,
  });
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tlib-kit">\n${attrs.slice(0, -2)}>\n${properties(report)}`;
  for (const r of report.results) yield `\n${testcase(r)}`;
  for (const c of problemCases) yield `\n${c}`;
  yield '\n</testsuite>\n</testsuites>\n';
}

export function renderJunit(report: RunReport): string {
  return [...junitChunks(report)].join('');
}

export async function writeJunitReport(report: RunReport, path: string): Promise<void> {
  await writeReportFile(path, junitChunks(report));
}
