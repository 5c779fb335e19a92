/**
 * Every report file is bounded by bytes, whatever the target sent: a decoded
 * message can be many times its frame (empty pairs under nested lists), so
 * record counts alone do not bound a report. Before any format is written,
 * the run is cut to REPORT_BOUNDS and the cut is marked where it happened
 * (a note in the exchange, "…[cut N chars]" in a string) and in the report's
 * `truncated` field. docs/reliability.md states these numbers.
 */
import type { CaseResult, RunReport, WireRecord } from './report-model.js';

export const REPORT_BOUNDS = Object.freeze({
  /** Characters kept of one free-text field (reason, expected, actual, seen, a note, a stderr line). */
  textChars: 16 * 1024,
  /** Indented JSON bytes one wire record may take; above it the decoded message is left out (its hex stays). */
  recordBytes: 64 * 1024,
  /** JSON bytes of exchange records one case keeps; the rest become one note. */
  caseExchangeBytes: 1024 * 1024,
  /** JSON bytes of exchange records the whole report keeps. */
  reportExchangeBytes: 16 * 1024 * 1024,
});

interface Tally {
  exchangeRecords: number;
  textChars: number;
  left: number;
}

function cutText(s: string | undefined, t: Tally): string | undefined {
  if (s === undefined || s.length <= REPORT_BOUNDS.textChars) return s;
  const cut = s.length - REPORT_BOUNDS.textChars;
  t.textChars += cut;
  return `${s.slice(0, REPORT_BOUNDS.textChars)}…[cut ${cut} chars]`;
}

/** Bytes as the reports print it: indented, where a deeply nested value grows with its depth, not its size. */
const printedBytes = (r: WireRecord): number => JSON.stringify(r, null, 2).length;

function boundRecord(r: WireRecord, t: Tally): { record: WireRecord; bytes: number } {
  let record: WireRecord = r.text !== undefined ? { ...r, text: cutText(r.text, t)! } : r;
  let bytes = printedBytes(record);
  if (bytes > REPORT_BOUNDS.recordBytes && record.message) {
    const { message, ...rest } = record;
    const note = `decoded ${message.Event} left out of the report: ${bytes} bytes of JSON (limit ${REPORT_BOUNDS.recordBytes}); its frame is below as hex`;
    record = { ...rest, text: note };
    t.textChars += bytes;
    bytes = printedBytes(record);
  }
  return { record, bytes };
}

function boundExchange(exchange: readonly WireRecord[], t: Tally): WireRecord[] {
  const kept: WireRecord[] = [];
  let used = 0;
  const budget = Math.min(REPORT_BOUNDS.caseExchangeBytes, t.left);
  for (let i = 0; i < exchange.length; i++) {
    const { record, bytes } = boundRecord(exchange[i]!, t);
    // The violating record is what the verdict blames: kept even past the budget.
    if (used + bytes > budget && !record.violation) {
      const rest = exchange.length - i;
      const blamed = exchange.slice(i).filter((x) => x.violation).map((x) => boundRecord(x, t).record);
      const dropped = rest - blamed.length;
      t.exchangeRecords += dropped;
      const text = `${dropped} records left out here: a report keeps ${REPORT_BOUNDS.caseExchangeBytes} bytes of exchange per scenario and ${REPORT_BOUNDS.reportExchangeBytes} in all`;
      kept.push({ t: exchange[i]!.t, dir: 'note', actor: 'runner', peer: 'runner', text }, ...blamed);
      break;
    }
    used += bytes;
    kept.push(record);
  }
  t.left -= used;
  return kept;
}

function boundCase(r: CaseResult, t: Tally): CaseResult {
  const out: CaseResult = { ...r, exchange: boundExchange(r.exchange, t) };
  for (const key of ['reason', 'expected', 'actual', 'seen', 'reference', 'title'] as const) {
    const v = cutText(out[key], t);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** The report as every file format writes it: within REPORT_BOUNDS, cuts marked. */
export function boundReport(report: RunReport): RunReport {
  const t: Tally = { exchangeRecords: 0, textChars: 0, left: REPORT_BOUNDS.reportExchangeBytes };
  const results = report.results.map((r) => boundCase(r, t));
  const problems = report.problems?.map((p) => cutText(p, t)!);
  const cut = t.exchangeRecords > 0 || t.textChars > 0;
  return {
    ...report,
    results,
    ...(problems ? { problems } : {}),
    ...(cut ? { truncated: { limitBytes: REPORT_BOUNDS.reportExchangeBytes, exchangeRecords: t.exchangeRecords, textChars: t.textChars } } : {}),
  };
}
