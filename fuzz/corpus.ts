/**
 * fuzz/corpus/: one JSON file per failing input the fuzzer found (or a
 * codec bug fixed by hand), replayed by `npm test` as a regression case.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserializeInput, serializeInput } from './serialize.js';

interface CorpusEntry {
  /** Name of the property in fuzz/properties (its check replays `input`). */
  property: string;
  /** Why the entry exists: the error seen, or the bug it pins. */
  reason: string;
  /** Seed and path that found it (fast-check replay), when the fuzzer did. */
  seed?: number;
  path?: string;
  /** The command that replays it against the server it failed on. */
  replay?: string;
  found: string;
  input: unknown;
}

function corpusFileName(e: Pick<CorpusEntry, 'property' | 'seed'>, hash: string): string {
  return `${e.property}-${e.seed ?? 'manual'}-${hash}.json`;
}

/** Writes an entry; returns its path. The input is stored in the tagged JSON of serialize.ts. */
export function saveCorpusEntry(dir: string, entry: CorpusEntry): string {
  mkdirSync(dir, { recursive: true });
  const input = serializeInput(entry.input);
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), 0x01000193) >>> 0;
  const file = join(dir, corpusFileName(entry, h.toString(16).padStart(8, '0')));
  const { input: _drop, ...meta } = entry;
  writeFileSync(file, `{\n"meta": ${JSON.stringify(meta)},\n"input": ${input}\n}\n`);
  return file;
}

export function loadCorpus(dir: string): Array<{ file: string; entry: CorpusEntry }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const raw = JSON.parse(text) as { meta: Omit<CorpusEntry, 'input'> };
    const { input } = deserializeInput(text) as { input: unknown };
    return { file, entry: { ...raw.meta, input } };
  });
}
