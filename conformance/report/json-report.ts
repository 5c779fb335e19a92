/** --json: the run model as it is, for tools that post-process runs, with its state and within the report bounds. */
import type { RunReport } from './report-model.js';
import { boundReport } from './bounded.js';
import { runState } from './run-state.js';
import { writeReportFile } from './write-file.js';

/** The JSON text in pieces: one per result, so no piece grows with the run. */
export function* jsonReportChunks(report: RunReport): Generator<string> {
  const bounded: RunReport = { ...boundReport(report), state: runState(report) };
  const { results, ...rest } = bounded;
  const head = JSON.stringify(rest, null, 2);
  yield `${head.slice(0, -2)},\n  "results": [`;
  for (let i = 0; i < results.length; i++) {
    const item = JSON.stringify(results[i], null, 2).replace(/\n/g, '\n    ');
    yield `${i === 0 ? '' : ','}\n    ${item}`;
  }
  yield `${results.length ? '\n  ' : ''}]\n}\n`;
}

export function renderJsonReport(report: RunReport): string {
  return [...jsonReportChunks(report)].join('');
}

export async function writeJsonReport(report: RunReport, path: string): Promise<void> {
  await writeReportFile(path, jsonReportChunks(report));
}
