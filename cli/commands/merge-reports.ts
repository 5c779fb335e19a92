/**
 * `tlib-kit merge-reports <json...>`: the shard reports of
 * `conform --shard i/n --json …` joined into one report (JSON, JUnit, HTML)
 * and one verdict, as if the run had not been split.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from '../commander.js';
import { exitCodeOf } from '../../conformance/runner/aggregate.js';
import { asRunReport, mergeRunReports, MergeError } from '../../conformance/runner/merge.js';
import { renderSummary, writeHtmlReport, writeJsonReport, writeJunitReport } from '../../conformance/report/index.js';
import type { RunReport } from '../../conformance/report/report-model.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { printLines, say, warn } from '../terminal.js';

interface MergeOptions {
  json?: string;
  junit?: string;
  html?: string;
}

async function readReport(file: string): Promise<{ report: RunReport; source: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new MergeError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new MergeError(`${file} is not JSON: ${(e as Error).message}`);
  }
  return { report: asRunReport(data, file), source: file };
}

async function merge(files: string[], o: MergeOptions): Promise<number> {
  const parts = await Promise.all(files.map(readReport));
  const merged = mergeRunReports(parts, SCENARIOS.map((s) => s.id));
  const shards = merged.mergedFrom?.map((m) => `${m.index}/${m.count}`).join(', ');
  printLines(process.stdout, [`tlib-kit merge-reports: ${files.length} report${files.length === 1 ? '' : 's'} (shards ${shards}), ${merged.results.length} scenarios`, '']);
  // The summary neutralises each string before it paints it.
  process.stdout.write(`${renderSummary(merged, { color: process.stdout.isTTY === true })}\n`);
  for (const p of merged.problems ?? []) say(`problem: ${p}`);
  const writes: Array<[string | undefined, (r: RunReport, p: string) => Promise<void>]> = [
    [o.json, writeJsonReport],
    [o.junit, writeJunitReport],
    [o.html, writeHtmlReport],
  ];
  for (const [path, write] of writes) {
    if (path === undefined) continue;
    await write(merged, path);
    warn(`report written: ${path}`);
  }
  return exitCodeOf(merged);
}

export function registerMergeReports(program: Command): void {
  program
    .command('merge-reports')
    .description('join the --json reports of conform --shard 1/n … n/n into one report and one verdict')
    .argument('<json...>', 'the shard reports (every shard once)')
    .option('--json <file>', 'write the merged JSON report')
    .option('--junit <file>', 'write the merged JUnit XML report')
    .option('--html <file>', 'write the merged HTML report')
    .addHelpText(
      'after',
      `
Example (three CI jobs, then one that merges):
  tlib-kit conform --shard 1/3 --json shard-1.json     (and 2/3, 3/3 on the other jobs)
  tlib-kit merge-reports shard-*.json --junit conform.xml --html conform.html

Exit codes: 0 all pass, 1 violations, 2 a missing, repeated or unreadable shard, or errors of the run.`,
    )
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .action(async (files: string[], o: MergeOptions) => {
      try {
        process.exitCode = await merge(files, o);
      } catch (e) {
        if (!(e instanceof MergeError)) throw e;
        warn(`tlib-kit merge-reports: ${e.message}`);
        process.exitCode = 2;
      }
    });
}
