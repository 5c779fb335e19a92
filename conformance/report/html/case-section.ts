/** One scenario in the HTML report: a collapsible section, open when it did not conform. */
import type { CaseResult } from '../report-model.js';
import { formatDuration } from '../format.js';
import { isProblem, VERDICT_LOOK } from '../verdicts.js';
import { escapeHtml } from './escape.js';
import { blamedRecord, sequenceDiagram } from './sequence-diagram.js';

const LEGEND =
  '<span class="legend"><span class="key send">sent by the runner</span><span class="key recv">received from the server</span>' +
  '<span class="key note">control action</span><span class="key viol">violation</span></span>';

function expectedActual(r: CaseResult): string {
  if (r.expected === undefined && r.actual === undefined) return '';
  const side = (title: string, cls: string, value: string | undefined) =>
    `<div class="ea-side ${cls}"><h4>${title}</h4><pre>${escapeHtml(value ?? '—')}</pre></div>`;
  return `<div class="ea">${side('Expected', 'expected', r.expected)}${side('Actual', 'actual', r.actual)}</div>`;
}

function summaryLine(r: CaseResult, v: string): string {
  const look = VERDICT_LOOK[r.verdict];
  return (
    `<summary><span class="badge v-${v}">${escapeHtml(look.label)}</span>` +
    `<code class="case-id">${escapeHtml(r.id)}</code>` +
    `<span class="case-title">${escapeHtml(r.title)}</span>` +
    `<span class="level level-${escapeHtml(r.level)}">${r.level === 'must' ? 'MUST' : 'SHOULD'}</span>` +
    `<span class="dur">${escapeHtml(formatDuration(r.durationMs))}</span></summary>`
  );
}

export function caseSection(r: CaseResult, index: number): string {
  const idPrefix = `case-${index}`;
  // Verdicts are the runner's enum, but a report model can be loaded from a file: escaped like everything else.
  const v = escapeHtml(r.verdict);
  const blamed = blamedRecord(r.exchange, idPrefix);
  const body = [
    `<blockquote class="reference"><span class="ref-label">Reference</span><q>${escapeHtml(r.reference)}</q></blockquote>`,
    r.reason ? `<p class="reason v-${v}">${escapeHtml(r.reason)}</p>` : '',
    expectedActual(r),
    r.seen ? `<p class="seen"><span class="seen-label">Behaviour seen</span>${escapeHtml(r.seen)}</p>` : '',
    r.reproduce ? `<p class="reproduce"><span class="seen-label">Reproduce</span><code>${escapeHtml(r.reproduce)}</code></p>` : '',
    blamed ? `<p><a class="jump" href="#${blamed.id}">${blamed.label}</a></p>` : '',
    `<h4 class="exchange-title">Message exchange <span class="hint">click a message for its attributes and bytes</span>${LEGEND}</h4>`,
    sequenceDiagram(r.exchange, idPrefix),
  ].join('');
  const open = isProblem(r.verdict) ? ' open' : '';
  return `<details class="case v-${v}" data-verdict="${v}" id="${idPrefix}"${open}>${summaryLine(r, v)}<div class="case-body">${body}</div></details>`;
}
