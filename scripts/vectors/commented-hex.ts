/**
 * Commented hex, as h2spec writes bytes: one byte group per line, `#` starts
 * a comment. Invalid vectors and the worked examples of spec/wire-format.md
 * are written this way so every byte says why it is there.
 */
export function commentedHex(text: string): string {
  const hex = text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new Error(`not whole bytes of hex: ${hex}`);
  return hex;
}
