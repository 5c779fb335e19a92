/** The top of the HTML report: what was certified, the outcome, and the verdict filters. */
import type { RunReport, Verdict } from '../../report-model.js';
import { formatDuration } from '../format.js';
import { isProblem, VERDICT_LOOK, VERDICT_ORDER } from '../verdicts.js';
import { escapeHtml } from './escape.js';

function facts(report: RunReport): string {
  const items: Array<[string, string]> = [
    ['Target', report.target],
    ['Started', report.startedAt],
    ['Duration', formatDuration(report.durationMs)],
    ['Seed', String(report.seed)],
    ['Strict', report.strict ? 'yes (should-level rules enforced)' : 'no (must-level rules only)'],
    ['Tool', `tlib-kit ${report.version}`],
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

export function pageHeader(report: RunReport): string {
  const problems = report.results.filter((r) => isProblem(r.verdict)).length;
  const outcome =
    problems === 0
      ? `<div class="outcome ok"><strong>CONFORMS</strong><span>no violations in ${report.results.length} scenarios</span></div>`
      : `<div class="outcome bad"><strong>DOES NOT CONFORM</strong><span>${problems} of ${report.results.length} scenarios failed</span></div>`;
  return `<header class="top"><div class="title-row"><h1>T-Server conformance report</h1>${outcome}</div>${facts(report)}${filters(report)}</header>`;
}
