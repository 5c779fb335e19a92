/**
 * spec/reference/sentences.json against the reference beside it: each text
 * stands verbatim (white space and markup aside) in its section, no sentence
 * is left out, ids are unique and follow the scheme, and the generated module
 * and lookup agree with the JSON.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_FILE, buildCatalogueModule, readCatalogue } from '../../scripts/sentences/build.js';
import { UnknownSentenceError, allSentences, isSentenceId, quote, sentence, sentenceEntry } from '../../src/reference/sentences.js';
import { LEFTOVER, plain, reference, sections } from './reference-text.js';

const catalogue = readCatalogue();
const bySection = sections();

describe('spec/reference/sentences.json', () => {
  it('is the same reference as the one the project was given', () => {
    expect(reference).toContain('# Special Events');
    expect(reference).toContain('EventRestoreConnection is processed internally by T-Library');
  });

  it('matches its JSON schema', () => {
    const ajv = new Ajv2020.default({ allErrors: true });
    const schema = JSON.parse(readFileSync(new URL('../../spec/reference/sentences.schema.json', import.meta.url), 'utf8'));
    const data = JSON.parse(readFileSync(new URL('../../spec/reference/sentences.json', import.meta.url), 'utf8'));
    const valid = ajv.validate(schema, data);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('gives each entry its own id', () => {
    const seen = new Set<string>();
    const twice = catalogue.map((e) => e.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(twice).toEqual([]);
  });

  it('names each id after its section', () => {
    expect(catalogue.filter((e) => !e.id.startsWith(`${e.section}.`)).map((e) => e.id)).toEqual([]);
  });

  it('quotes each text verbatim from its section of the reference', () => {
    const missing = catalogue.filter((e) => e.text !== plain(e.text) || !bySection[e.section]?.includes(e.text)).map((e) => e.id);
    expect(missing).toEqual([]);
  });

  it('leaves no sentence of the reference out', () => {
    const left: Record<string, string[]> = {};
    for (const [section, text] of Object.entries(bySection)) {
      const texts = catalogue.filter((e) => e.section === section).map((e) => e.text).sort((a, b) => b.length - a.length);
      const rest = texts.reduce((t, s) => t.split(s).join(' '), text);
      const words = rest.split(/\s+/).filter((w) => w && !LEFTOVER.test(w));
      if (words.length) left[section] = words;
    }
    expect(left).toEqual({});
  });

  it('reads each table row: attribute, presence and footnote as the text says', () => {
    const rows = catalogue.filter((e) => e.id.includes('.row.'));
    expect(rows.length).toBe(51);
    const wrong = rows.filter((e) => {
      const words = e.text.split(' ');
      return e.id !== `${e.section}.row.${e.attribute}` || words[0] !== e.attribute || !words.includes(e.presence === 'mandatory' ? 'Mandatory' : 'Optional') || (e.footnote !== undefined) !== words.some((w) => /^[ab]$/.test(w));
    });
    expect(wrong.map((e) => e.id)).toEqual([]);
  });
});

describe('src/reference', () => {
  it('catalogue.ts is exactly what scripts/gen-sentences.ts writes from the JSON', () => {
    expect(readFileSync(CATALOGUE_FILE, 'utf8') === buildCatalogueModule()).toBe(true);
  });

  it('sentence() returns the text of an id', () => {
    expect(sentence('EventACK.row.ReferenceID')).toBe('ReferenceID Mandatory');
    for (const e of catalogue) expect(sentence(e.id)).toBe(e.text);
    expect(sentenceEntry('EventACK.note.b.0')).toMatchObject({ section: 'EventACK', kind: 'rule' });
    expect(allSentences().map((s) => s.id)).toEqual(catalogue.map((e) => e.id));
  });

  it('quote() joins sentences in the order given, closing a title or a table row with a period', () => {
    expect(quote(['EventACK.row.ReferenceID'])).toBe('ReferenceID Mandatory.');
    expect(quote(['EventResourceFreed.title', 'EventACK.row.ReferenceID'])).toBe(`${sentence('EventResourceFreed.title')}. ReferenceID Mandatory.`);
    const closed = catalogue.find((e) => /[.!?]$/.test(e.text))!;
    expect(quote([closed.id, closed.id])).toBe(`${closed.text} ${closed.text}`);
    expect(() => quote(['EventACK.nope'])).toThrow(UnknownSentenceError);
  });

  it('an unknown id is a typed error, and never a property of Object.prototype', () => {
    for (const id of ['EventACK.row.Nope', 'constructor', '__proto__', 'toString', '']) {
      expect(isSentenceId(id)).toBe(false);
      let caught: unknown;
      try {
        sentence(id);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(UnknownSentenceError);
      expect((caught as UnknownSentenceError).code).toBe('UNKNOWN_SENTENCE');
      expect((caught as UnknownSentenceError).id).toBe(id);
    }
  });
});

describe('one copy of each sentence', () => {
  /** Where the text may stand besides the catalogue: the reference, generated files, the frozen old codec, and sample reports (output, not source). */
  const ELSEWHERE = /^(spec\/reference\/|spec\/events\/|spec\/defs\/message\.schema\.json$|spec\/sentence-audit\.json$|src\/reference\/generated\/|src\/codec\/generated\/|src\/validate\/generated\/|test\/fixtures\/|test\/codec\/frozen\/)/;
  const ROOT = new URL('../../', import.meta.url);
  const files = ['src', 'conformance', 'cli', 'fuzz', 'load', 'test', 'scripts', 'spec', 'bench', 'docs', 'examples', 'bin']
    .flatMap((dir) => (readdirSync(new URL(dir, ROOT), { recursive: true, encoding: 'utf8' }) as string[]).map((f) => `${dir}/${f}`))
    .filter((f) => /\.(ts|mts|mjs|js|json|md)$/.test(f) && !ELSEWHERE.test(f))
    .concat(['README.md', 'CHANGELOG.md']);

  it('no source file repeats a sentence of the reference: code cites its id', () => {
    const long = catalogue.filter((e) => e.kind !== 'heading' && e.text.length >= 40);
    const repeated: string[] = [];
    for (const f of files) {
      const text = readFileSync(new URL(f, ROOT), 'utf8').replace(/\s+/g, ' ');
      for (const e of long) if (text.includes(e.text)) repeated.push(`${f}: ${e.id}`);
    }
    expect(files.length).toBeGreaterThan(100);
    expect(repeated).toEqual([]);
  });
});
