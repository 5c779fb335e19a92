/** One sentence or table row of the reference, as spec/reference/sentences.json holds it. */
export interface Sentence {
  /** Stable id, e.g. `EventACK.row.ReferenceID` (spec/reference/README.md). */
  readonly id: string;
  /** The event whose part of the reference holds it, or `preamble`. */
  readonly section: string;
  /** rule: says what a server must or must not do; description: what something means or what T-Library does; definition: what a value is; heading: titles and table headers. */
  readonly kind: 'rule' | 'description' | 'definition' | 'heading';
  /** The text as read: markup dropped, white space runs as one space. */
  readonly text: string;
  /** Table rows: the attribute the row names. */
  readonly attribute?: string;
  /** Table rows: the Type column. */
  readonly presence?: 'mandatory' | 'optional';
  /** Table rows: the footnote letter the row carries. */
  readonly footnote?: string;
}
