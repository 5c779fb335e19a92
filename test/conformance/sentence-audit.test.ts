/**
 * spec/sentence-audit.json against the reference and the code: it quotes
 * every sentence of the reference and nothing else, every sentence that
 * states a rule maps to a check or scenario that exists, and every scenario
 * enforces some sentence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNNER_CHECKS } from '../../conformance/received-rules.js';
import { LIBRARY_SCENARIOS } from '../../conformance/library/scenarios/index.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { RULES } from '../../src/validate/index.js';

interface Entry {
  section: string;
  kind: 'rule' | 'description' | 'heading';
  text: string;
  checks?: string[];
  scenarios?: string[];
  libraryScenarios?: string[];
  note?: string;
}

const audit = JSON.parse(readFileSync(new URL('../../spec/sentence-audit.json', import.meta.url), 'utf8')) as { sentences: Entry[] };
const reference = readFileSync(new URL('../../spec/reference/special-events-reference.md', import.meta.url), 'utf8');

/** The text as read: no markup (headings, bold, footnote tags, markdown escapes), one space for any run of white space. */
const plain = (t: string): string =>
  t
    .replace(/<\/?sup>/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

const SECTIONS = ['EventACK', 'EventAgentReserved', 'EventCallInfoChanged', 'EventPrivateInfo', 'EventUserEvent', 'EventPrimaryChanged', 'EventRestoreConnection', 'EventHardwareError', 'EventResourceAllocated', 'EventResourceFreed'];

/** The reference cut at each event's heading (the first after the table of contents). */
function sections(): Record<string, string> {
  const lines = reference.split('\n');
  const body = lines.findIndex((l) => /^#\s+Special Events\s*$/.test(l));
  const starts = SECTIONS.map((name) => lines.findIndex((l, i) => i > body && /^#+\s/.test(l) && plain(l.replace(/^#+/, '')).startsWith(name)));
  expect(starts.every((s) => s > 0)).toBe(true);
  const out: Record<string, string> = { preamble: plain(lines.slice(0, starts[0]).join('\n')) };
  SECTIONS.forEach((name, i) => (out[name] = plain(lines.slice(starts[i], starts[i + 1] ?? lines.length).join('\n'))));
  return out;
}

/** What may remain once every quoted sentence is taken out: list bullets, heading marks, footnote letters, numbering. */
const LEFTOVER = /^(?:[-·•#*|]+|\d+(?:\.\d+)*|[ab]\.?)$/;

describe('spec/sentence-audit.json', () => {
  const bySection = sections();

  it('quotes each sentence from its section of the reference', () => {
    const missing = audit.sentences.filter((e) => !bySection[e.section]?.includes(plain(e.text))).map((e) => `${e.section}: ${e.text}`);
    expect(missing).toEqual([]);
  });

  it('leaves no sentence of the reference out', () => {
    const left: Record<string, string[]> = {};
    for (const [section, text] of Object.entries(bySection)) {
      const texts = audit.sentences.filter((e) => e.section === section).map((e) => plain(e.text)).sort((a, b) => b.length - a.length);
      const rest = texts.reduce((t, s) => t.split(s).join(' '), text);
      const words = rest.split(/\s+/).filter((w) => w && !LEFTOVER.test(w));
      if (words.length) left[section] = words;
    }
    expect(left).toEqual({});
  });

  it('maps every sentence that states a rule to checks and scenarios that exist', () => {
    const ruleIds = new Set([...RULES.map((r) => r.id), ...Object.keys(RUNNER_CHECKS)]);
    const scenarioIds = new Set(SCENARIOS.map((s) => s.id));
    const libraryIds = new Set(LIBRARY_SCENARIOS.map((s) => s.id));
    const problems: string[] = [];
    for (const e of audit.sentences.filter((x) => x.kind === 'rule')) {
      if (!e.checks?.length && !e.scenarios?.length && !e.libraryScenarios?.length) problems.push(`unmapped: ${e.text}`);
      for (const s of e.libraryScenarios ?? []) if (!libraryIds.has(s)) problems.push(`no library scenario ${s} (${e.text})`);
      for (const c of e.checks ?? []) if (!ruleIds.has(c)) problems.push(`no check ${c} (${e.text})`);
      for (const s of e.scenarios ?? []) if (!scenarioIds.has(s)) problems.push(`no scenario ${s} (${e.text})`);
    }
    expect(problems).toEqual([]);
  });

  it('says why a sentence that states no rule is left unchecked', () => {
    expect(audit.sentences.filter((e) => e.kind === 'description' && !e.note).map((e) => e.text)).toEqual([]);
  });

  it('has every scenario enforce some sentence of it', () => {
    const enforced = new Set(audit.sentences.flatMap((e) => e.scenarios ?? []));
    expect(SCENARIOS.map((s) => s.id).filter((id) => !enforced.has(id))).toEqual([]);
  });
});
