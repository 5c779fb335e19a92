/** Small text formatters shared by the terminal, JUnit and HTML reports. */

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Milliseconds since scenario start, fixed width so trace columns line up. */
export function formatOffset(t: number): string {
  return `+${t.toFixed(1)} ms`.padStart(11);
}

/** A hex string split into byte pairs. Non-hex input is kept, pairwise, so nothing is hidden. */
export function hexBytes(hex: string): string[] {
  return hex.match(/[\s\S]{1,2}/g) ?? [];
}

/** Byte pairs grouped into lines of `perLine` bytes, space separated. */
export function hexLines(hex: string, perLine: number): string[] {
  const bytes = hexBytes(hex);
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += perLine) lines.push(bytes.slice(i, i + perLine).join(' '));
  return lines;
}

/** Cut to at most `max` code points, marking the cut, so one hostile value cannot swamp a line. */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
