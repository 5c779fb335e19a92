/**
 * The --known-failing and --known-flaky files: one scenario id or glob per
 * line, optionally followed by `# <expected message prefix>`. Blank lines and
 * lines starting with `#` are comments.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CaseResult } from '../report/report-model.js';
import { matchesId } from './select.js';
import { ConformanceUsageError } from '../model/usage-error.js';

export interface KnownEntry {
  pattern: string;
  /** The failure reason must start with this; any failure matches when absent. */
  messagePrefix?: string;
  line: number;
}

export function parseKnownList(text: string, file: string): KnownEntry[] {
  const entries: KnownEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const hash = line.indexOf('#');
    const pattern = (hash < 0 ? line : line.slice(0, hash)).trim();
    const prefix = hash < 0 ? '' : line.slice(hash + 1).trim();
    if (/\s/.test(pattern)) throw new ConformanceUsageError(`${file}:${i + 1}: "${pattern}" is not one id or glob (use "# ..." for the expected message)`);
    entries.push({ pattern, line: i + 1, ...(prefix ? { messagePrefix: prefix } : {}) });
  });
  return entries;
}

export async function readKnownList(file: string): Promise<KnownEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConformanceUsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  return parseKnownList(text, file);
}

export function findEntry(entries: readonly KnownEntry[], id: string): KnownEntry | undefined {
  return entries.find((e) => matchesId(e.pattern, id));
}

/** Entries that name no scenario at all: a renamed or mistyped id must not pass silently. */
export function unmatchedEntries(entries: readonly KnownEntry[], ids: readonly string[], file: string): string[] {
  return entries.filter((e) => !ids.some((id) => matchesId(e.pattern, id))).map((e) => `${file}:${e.line}: "${e.pattern}" matches no scenario`);
}

/** The list that accepts exactly the current failures, each with its reason as the expected prefix. */
export function knownListText(results: readonly CaseResult[]): string {
  const failing = results.filter((r) => r.verdict === 'fail' || r.verdict === 'timeout' || r.verdict === 'known-failure');
  const lines = failing.map((r) => `${r.id}${r.reason ? ` # ${oneLine(r.reason).slice(0, 80)}` : ''}`);
  return `# tlib-kit conform --known-failing: scenario id or glob, then "# expected message prefix"\n${lines.join('\n')}\n`;
}

export async function writeKnownList(file: string, results: readonly CaseResult[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, knownListText(results));
}

/** Whether a failure reason is the one an entry expects (compared as the list writes it: one line, no '#'). */
export function reasonMatches(entry: KnownEntry, reason: string | undefined): boolean {
  return entry.messagePrefix === undefined || oneLine(reason ?? '').startsWith(entry.messagePrefix);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/#/g, '');
}
