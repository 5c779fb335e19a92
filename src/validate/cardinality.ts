/**
 * The reference's Mandatory/Optional tables (spec/cardinality.json), typed,
 * with each sentence's text read from the catalogue by its id, so the tables
 * hold no copy of the reference. The schemas are generated from this data,
 * and the tests walk it row by row.
 */
import data from '../../spec/cardinality.json' with { type: 'json' };
import { sentence } from '../reference/sentences.js';
import type { SpecialEventName } from '../registry.js';

interface CardinalityRow {
  /** Property name in the JSON form: the reference's word. */
  readonly attribute: string;
  readonly type: 'Mandatory' | 'Optional';
  /** The table line as the reference prints it (footnote marks included). */
  readonly row: string;
  readonly footnotes?: readonly string[];
}

export interface EventCardinality {
  /** The reference's description of the event, quoted. */
  readonly description: string;
  /** false: only the listed attributes; a string: the sentence that allows others. */
  readonly otherAttributes: false | string;
  /** Set for the event without a Contents table: the sentence that says why. */
  readonly noTable?: string;
  /** Set for obsolete events: the reference's heading, quoted. */
  readonly obsolete?: string;
  readonly rows: readonly CardinalityRow[];
  readonly footnotes: Readonly<Record<string, string>>;
}

/** spec/cardinality.json as written: sentence ids where the typed form has text. */
interface CardinalityData {
  description: string[];
  otherAttributes: false | string[];
  noTable?: string[];
  obsolete?: string[];
  rows: Array<{ attribute: string; type: 'Mandatory' | 'Optional'; row: string[]; footnotes?: string[] }>;
  footnotes: Record<string, string[]>;
}

/** The sentences of `ids`, one space between them; an unknown id throws UnknownSentenceError at load. */
const text = (ids: readonly string[]): string => ids.map(sentence).join(' ');

function typed(c: CardinalityData): EventCardinality {
  return {
    description: text(c.description),
    otherAttributes: c.otherAttributes === false ? false : text(c.otherAttributes),
    ...(c.noTable ? { noTable: text(c.noTable) } : {}),
    ...(c.obsolete ? { obsolete: text(c.obsolete) } : {}),
    rows: c.rows.map((r) => ({ attribute: r.attribute, type: r.type, row: text(r.row), ...(r.footnotes ? { footnotes: r.footnotes } : {}) })),
    footnotes: Object.fromEntries(Object.entries(c.footnotes).map(([letter, ids]) => [letter, text(ids)])),
  };
}

export const CARDINALITY = Object.fromEntries(
  Object.entries(data.events as unknown as Record<string, CardinalityData>).map(([event, c]) => [event, typed(c)]),
) as Readonly<Record<SpecialEventName, EventCardinality>>;

export const SPECIAL_EVENTS = Object.keys(CARDINALITY) as SpecialEventName[];

/** The sentence a row's rule quotes: "<Event>: <row>", followed by its footnotes. */
export function rowReference(event: SpecialEventName, row: CardinalityRow): string {
  const card = CARDINALITY[event];
  const head = card.noTable ? row.row : `${event}: ${row.row}`;
  const notes = (row.footnotes ?? []).map((f) => `${f}. ${card.footnotes[f] ?? ''}`);
  return [head, ...notes].join(' ');
}

