/** The top of the HTML report: what was certified, the outcome, and the verdict filters. */
import { outsideTablesLines, type RunReport, type Verdict } from '../../report-model.js';
import { formatDuration } from '../format.js';
import { isProblem, VERDICT_LOOK, VERDICT_ORDER } from '../verdicts.js';
import { escapeHtml } from './escape.js';

function facts(report: RunReport): string {
  const items: Array<[string, string]> = [
    ['Target', report.target.description],
    ['Started', report.startedAt],
    ['Duration', formatDuration(report.durationMs)],
    ['Seed', String(report.seed)],
    ['Tool', `tlib-kit ${report.version}, Node ${report.node}`],
    ...(report.outsideTables ? [['Attributes outside the tables (accepted)', outsideTablesLines(report).join('; ')] as [string, string]] : []),
  ];
  return `<dl class="facts">${items.map(([k, v]) => `<div><dt>${k}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`;
}

/** Counted from the results themselves, so the buttons always match what they filter. */
function filters(report: RunReport): string {
  const count = (v: Verdict) => report.results.filter((r) => r.verdict === v).length;
  const buttons = VERDICT_ORDER.filter((v) => count(v) > 0).map(
    (v) =>
      `<button type="button" class="filter v-${v}" data-filter="${v}" aria-pressed="false"><span class="n">${count(v)}</span> ${escapeHtml(VERDICT_LOOK[v].heading)}</button>`,
  );
  const all = `<button type="button" class="filter all" data-filter="all" aria-pressed="true"><span class="n">${report.results.length}</span> all</button>`;
  const tools =
    '<span class="spacer"></span><button type="button" class="tool" id="expand-all">Expand all</button>' +
    '<button type="button" class="tool" id="collapse-all">Collapse all</button>';
  return `<nav class="filters" aria-label="filter by verdict">${all}${buttons.join('')}${tools}</nav>`;
}

/** Stale list entries and the like: they fail the run, so they sit next to the outcome. */
function runProblems(report: RunReport): string {
  const problems = report.problems ?? [];
  if (problems.length === 0) return '';
  const items = problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  const fix = report.rewriteKnownFailing ? `<p>To make the list match this run: <code>${escapeHtml(report.rewriteKnownFailing)}</code></p>` : '';
  return `<section class="run-problems" aria-label="run-level problems"><h2>Run-level problems (${problems.length})</h2><ul>${items}</ul>${fix}</section>`;
}

export function pageHeader(report: RunReport): string {
  const failed = report.results.filter((r) => isProblem(r.verdict)).length;
  const runLevel = report.problems?.length ?? 0;
  const why = [failed ? `${failed} of ${report.results.length} scenarios failed` : '', runLevel ? `${runLevel} run-level problem${runLevel === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
  const outcome =
    failed === 0 && runLevel === 0
      ? `<div class="outcome ok"><strong>CONFORMS</strong><span>no violations in ${report.results.length} scenarios</span></div>`
      : `<div class="outcome bad"><strong>DOES NOT CONFORM</strong><span>${why}</span></div>`;
  return `<header class="top"><div class="title-row"><h1>T-Server conformance report</h1>${outcome}</div>${facts(report)}${runProblems(report)}${filters(report)}</header>`;
}
