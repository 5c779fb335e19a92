/** The top of the HTML report: what was certified, the outcome, and the verdict filters. */
import { outsideTablesLines, type RunReport, type Verdict } from '../report-model.js';
import { formatDuration } from '../format.js';
import { runState, statePasses } from '../run-state.js';
import { VERDICT_LOOK, VERDICT_ORDER } from '../verdicts.js';
import { escapeHtml } from './escape.js';

function facts(report: RunReport): string {
  const items: Array<[string, string]> = [
    ['Target', report.target.description],
    ['Started', report.startedAt],
    ['Duration', formatDuration(report.durationMs)],
    ['Seed', String(report.seed)],
    ...(report.repeat ? [['Repeat', `every scenario ${report.repeat} times`] as [string, string]] : []),
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
  // Hidden until the script runs: where a policy forbids scripts, buttons that do nothing are not offered.
  return `<nav class="filters" aria-label="filter by verdict" hidden>${all}${buttons.join('')}${tools}</nav>`;
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
  const state = runState(report);
  const look = state.kind === 'passed' ? 'ok' : statePasses(state) ? 'ok-with' : 'bad';
  const outcome =
    `<div class="outcome ${look}" data-state="${state.kind}" role="status">` +
    `<strong class="state-label">${escapeHtml(state.label)}</strong><span class="state-detail">${escapeHtml(state.detail)}</span></div>`;
  return `<header class="top"><div class="title-row"><h1>T-Server conformance report</h1>${outcome}</div>${facts(report)}${runProblems(report)}${filters(report)}</header>`;
}
