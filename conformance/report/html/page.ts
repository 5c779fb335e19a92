/**
 * --html: one self-contained file (inline CSS and JS, no network). The CSP
 * admits only the page's own style and script, by hash, so even markup that
 * slipped past escaping could neither run nor load anything.
 */
import { createHash } from 'node:crypto';
import type { RunReport } from '../../report-model.js';
import { boundReport } from '../bounded.js';
import { writeReportFile } from '../write-file.js';
import { caseSection } from './case-section.js';
import { escapeHtml } from './escape.js';
import { pageHeader } from './header.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';
import { VERDICT_ORDER } from '../verdicts.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Problems first (a certifier reads those first), run order kept within a verdict. */
function sortedResults(report: RunReport) {
  return report.results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => VERDICT_ORDER.indexOf(a.r.verdict) - VERDICT_ORDER.indexOf(b.r.verdict) || a.i - b.i);
}

/** The page in pieces (one per scenario), from the bounded report. */
export function* htmlReportChunks(full: RunReport): Generator<string> {
  const report = boundReport(full);
  const [head, tail] = pageFrame(report).split(SECTIONS);
  yield head!;
  for (const { r, i } of sortedResults(report)) yield `${caseSection(r, i)}\n`;
  yield tail!;
}

const SECTIONS = '\u0000sections\u0000';

export function renderHtmlReport(report: RunReport): string {
  return [...htmlReportChunks(report)].join('');
}

function pageFrame(report: RunReport): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conformance report: ${escapeHtml(report.target.description)}</title>
<style>${STYLE}</style>
</head>
<body data-filter="all">
${pageHeader(report)}
<main>
${SECTIONS}</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

export async function writeHtmlReport(report: RunReport, path: string): Promise<void> {
  await writeReportFile(path, htmlReportChunks(report));
}
