/**
 * Joining the JSON reports of `conform --shard 1/n … n/n` into the report
 * of the whole run: every part present once, no scenario in two parts, the
 * results in catalogue order and the summary counted again from them, so
 * the verdict is the one an unsharded run would give.
 */
import { runReport } from './aggregate.js';
import type { CaseResult, RunReport } from '../report/report-model.js';

export class MergeError extends Error {
  override readonly name = 'MergeError';
  readonly code = 'MERGE' as const;
}

/** Reads one parsed JSON file as a shard report; `source` names it in errors. */
export function asRunReport(data: unknown, source: string): RunReport {
  const r = data as Partial<RunReport> | null;
  if (typeof r !== 'object' || r === null || r.tool !== 'tlib-kit' || !Array.isArray(r.results) || typeof r.startedAt !== 'string') {
    throw new MergeError(`${source} is not a tlib-kit conform --json report`);
  }
  if (typeof r.schemaVersion !== 'string' || !r.schemaVersion.startsWith('1.')) {
    throw new MergeError(`${source} is a report of schema version ${String(r.schemaVersion)}; this tlib-kit reads 1.x (spec/report.schema.json)`);
  }
  for (const [i, c] of r.results.entries()) {
    if (typeof c?.id !== 'string' || typeof c.verdict !== 'string') throw new MergeError(`${source}: results[${i}] has no id or verdict`);
  }
  return r as RunReport;
}

function checkParts(parts: readonly { report: RunReport; source: string }[]): void {
  const count = parts[0]!.report.shard?.count ?? 1;
  const seen = new Map<number, string>();
  for (const { report, source } of parts) {
    const shard = report.shard ?? { index: 1, count: 1 };
    if (shard.count !== count) throw new MergeError(`${source} is shard ${shard.index}/${shard.count}, but ${parts[0]!.source} is part of a run in ${count} shards`);
    const twice = seen.get(shard.index);
    if (twice !== undefined) throw new MergeError(`${source} and ${twice} are both shard ${shard.index}/${count}`);
    seen.set(shard.index, source);
    if (report.version !== parts[0]!.report.version) throw new MergeError(`${source} was written by tlib-kit ${report.version}, ${parts[0]!.source} by ${parts[0]!.report.version}`);
    if (report.timeoutMs !== parts[0]!.report.timeoutMs) throw new MergeError(`${source} ran with --timeout ${report.timeoutMs}, ${parts[0]!.source} with ${parts[0]!.report.timeoutMs}: the shards of one run share their options`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new MergeError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: a merged verdict needs every part`);
}

/** The whole run from its parts; `catalogueIds` orders the results (ids it does not know go last, in part order). */
export function mergeRunReports(parts: readonly { report: RunReport; source: string }[], catalogueIds: readonly string[]): RunReport {
  if (parts.length === 0) throw new MergeError('no reports to merge');
  checkParts(parts);
  const owner = new Map<string, string>();
  const results: CaseResult[] = [];
  for (const { report, source } of parts) {
    for (const r of report.results) {
      const other = owner.get(r.id);
      if (other !== undefined) throw new MergeError(`scenario ${r.id} is in both ${other} and ${source}: the shards did not split one selection`);
      owner.set(r.id, source);
      results.push(r);
    }
  }
  const rank = new Map(catalogueIds.map((id, i) => [id, i]));
  const order = (r: CaseResult) => rank.get(r.id) ?? catalogueIds.length;
  results.sort((a, b) => order(a) - order(b));
  const sorted = [...parts].sort((a, b) => (a.report.shard?.index ?? 1) - (b.report.shard?.index ?? 1));
  const start = Math.min(...sorted.map((p) => Date.parse(p.report.startedAt)));
  const end = Math.max(...sorted.map((p) => Date.parse(p.report.startedAt) + p.report.durationMs));
  const problems = [...new Set(sorted.flatMap((p) => p.report.problems ?? []))];
  const { version, target, node, seed, timeoutMs } = sorted[0]!.report;
  // Each shard's own target (each CI job may start its own server) stays in mergedFrom.
  return {
    ...runReport({ version, target, node, seed, timeoutMs, startedAt: new Date(start).toISOString(), durationMs: end - start }, results, problems),
    mergedFrom: sorted.map(({ report: r }) => ({ index: r.shard?.index ?? 1, count: r.shard?.count ?? 1, seed: r.seed, startedAt: r.startedAt, durationMs: r.durationMs, target: r.target })),
  };
}
