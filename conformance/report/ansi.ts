/** ANSI styling, applied only after the text has been sanitized and only when the caller asks. */

const STYLES = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  gray: [90, 39],
  bold: [1, 22],
  dim: [2, 22],
} as const;

export type Style = keyof typeof STYLES;

export function paint(text: string, style: Style, color: boolean | undefined): string {
  if (!color || text === '') return text;
  const [on, off] = STYLES[style];
  return `\x1b[${on}m${text}\x1b[${off}m`;
}
