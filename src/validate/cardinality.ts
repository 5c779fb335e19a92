/**
 * The reference's Mandatory/Optional tables (spec/cardinality.json), typed.
 * The schemas are generated from this data, and the tests walk it row by row.
 */
import data from '../../spec/cardinality.json' with { type: 'json' };
import type { SpecialEventName } from '../registry.js';

export interface CardinalityRow {
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

export const CARDINALITY = data.events as unknown as Readonly<Record<SpecialEventName, EventCardinality>>;

export const SPECIAL_EVENTS = Object.keys(CARDINALITY) as SpecialEventName[];

/** The sentence a row's rule quotes: "<Event>: <row>", followed by its footnotes. */
export function rowReference(event: SpecialEventName, row: CardinalityRow): string {
  const card = CARDINALITY[event];
  const head = card.noTable ? row.row : `${event}: ${row.row}`;
  const notes = (row.footnotes ?? []).map((f) => `${f}. ${card.footnotes[f] ?? ''}`);
  return [head, ...notes].join(' ');
}

