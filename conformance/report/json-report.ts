/** --json: the run model as it is, for tools that post-process runs. */
import type { RunReport } from '../report-model.js';
import { writeReportFile } from './write-file.js';

export async function writeJsonReport(report: RunReport, path: string): Promise<void> {
  await writeReportFile(path, JSON.stringify(report, null, 2) + '\n');
}
