/**
 * --html: the page, with its stylesheet and script in two files beside it
 * (report.html, report.css, report.js). No inline style or script, so the page
 * renders the same under a server's Content-Security-Policy that forbids them
 * (Jenkins serves reports with `default-src 'none'; style-src 'self'`); its own
 * policy admits nothing but those two files. Without the script (Jenkins
 * forbids all scripts) only the filter buttons are missing: they stay hidden.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { RunReport } from '../report-model.js';
import { boundReport } from '../bounded.js';
import { writeReportFile } from '../write-file.js';
import { caseSection } from './case-section.js';
import { escapeHtml } from './escape.js';
import { pageHeader } from './header.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';
import { VERDICT_ORDER } from '../verdicts.js';

export const CONTENT_SECURITY_POLICY = ["default-src 'none'", "style-src 'self'", "script-src 'self'", "base-uri 'none'", "form-action 'none'"].join('; ');

/** The stylesheet and script a page links, by file name relative to the page. */
export interface HtmlAssets {
  stylesheet: string;
  script: string;
}

/** "out/run.html" → run.css and run.js, so several reports can share a folder. */
export function assetsFor(path: string): HtmlAssets {
  const stem = basename(path, extname(path)) || 'report';
  return { stylesheet: `${stem}.css`, script: `${stem}.js` };
}

/** Problems first (a certifier reads those first), run order kept within a verdict. */
function sortedResults(report: RunReport) {
  return report.results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => VERDICT_ORDER.indexOf(a.r.verdict) - VERDICT_ORDER.indexOf(b.r.verdict) || a.i - b.i);
}

/** The page in pieces (one per scenario), from the bounded report. */
export function* htmlReportChunks(full: RunReport, assets: HtmlAssets = assetsFor('report.html')): Generator<string> {
  const report = boundReport(full);
  const [head, tail] = pageFrame(report, assets).split(SECTIONS);
  yield head!;
  for (const { r, i } of sortedResults(report)) yield `${caseSection(r, i)}\n`;
  yield tail!;
}

const SECTIONS = '\u0000sections\u0000';

export function renderHtmlReport(report: RunReport, assets?: HtmlAssets): string {
  return [...htmlReportChunks(report, assets)].join('');
}

function pageFrame(report: RunReport, assets: HtmlAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conformance report: ${escapeHtml(report.target.description)}</title>
<link rel="stylesheet" href="${escapeHtml(encodeURIComponent(assets.stylesheet))}">
<script src="${escapeHtml(encodeURIComponent(assets.script))}" defer></script>
</head>
<body data-filter="all">
${pageHeader(report)}
<main>
${SECTIONS}</main>
</body>
</html>
`;
}

/** The page and, beside it, its stylesheet and script. */
export async function writeHtmlReport(report: RunReport, path: string): Promise<void> {
  const assets = assetsFor(path);
  await writeReportFile(path, htmlReportChunks(report, assets));
  await writeReportFile(join(dirname(path), assets.stylesheet), STYLE);
  await writeReportFile(join(dirname(path), assets.script), SCRIPT);
}
