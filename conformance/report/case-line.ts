/** The live progress line printed as each scenario finishes. */
import type { CaseResult } from './report-model.js';
import { paint } from './ansi.js';
import { formatDuration } from './format.js';
import { sanitizeForTerminal, sanitizeOneLine } from './sanitize.js';
import { VERDICT_LOOK } from './verdicts.js';

const DETAIL_INDENT = '      ';

/** A possibly multi-line value, continuation lines aligned under the first. */
function field(label: string, value: string, color: boolean | undefined): string {
  const pad = ' '.repeat(label.length + 1);
  const lines = sanitizeForTerminal(value).split('\n');
  return `${DETAIL_INDENT}${paint(label, 'gray', color)} ${lines.join(`\n${DETAIL_INDENT}${pad}`)}`;
}

/** Why the verdict is not a pass: the reason, then what was expected and what came. */
export function caseDetails(result: CaseResult, color: boolean | undefined): string[] {
  const lines: string[] = [];
  if (result.reason) lines.push(DETAIL_INDENT + sanitizeOneLine(result.reason));
  if (result.expected !== undefined) lines.push(field('Expected:', result.expected, color));
  if (result.actual !== undefined) lines.push(field('Actual:  ', result.actual, color));
  if (result.reproduce) lines.push(`${DETAIL_INDENT}${paint('Reproduce:', 'gray', color)} ${sanitizeOneLine(result.reproduce)}`);
  return lines;
}

export function renderCaseLine(result: CaseResult, opts: { color?: boolean } = {}): string {
  const { color } = opts;
  const look = VERDICT_LOOK[result.verdict];
  const head = [
    ' ' + paint(look.mark, look.style, color),
    paint(sanitizeOneLine(result.id), 'bold', color),
    sanitizeOneLine(result.title),
    paint(`(${formatDuration(result.durationMs)})`, 'gray', color),
  ];
  if (result.verdict !== 'pass') head.splice(1, 0, paint(look.label, look.style, color));
  if (result.seen && result.verdict === 'pass') head.push(paint(`seen: ${sanitizeOneLine(result.seen)}`, 'gray', color));
  const details = result.verdict === 'pass' ? [] : caseDetails(result, color);
  return [head.join(' '), ...details].join('\n');
}
