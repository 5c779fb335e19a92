/** The reports of a conformance run: terminal progress and summary, --trace lines, JSON, JUnit and HTML files. */
export { renderCaseLine } from './case-line.js';
export { renderSummary } from './summary.js';
export { formatTraceRecord } from './trace.js';
export { sanitizeForTerminal } from './sanitize.js';
export { jsonReportChunks, renderJsonReport, writeJsonReport } from './json-report.js';
export { junitChunks, writeJunitReport, renderJunit } from './junit.js';
export { htmlReportChunks, writeHtmlReport, renderHtmlReport } from './html/page.js';
export { runState, stateLine, type RunState, type RunStateKind } from './run-state.js';
