/**
 * Whether to paint terminal output. FORCE_COLOR (as Node reads it: set and
 * not "0"/"false") wins, because it is the more specific request; then
 * NO_COLOR (https://no-color.org: present and not empty, whatever its value)
 * turns colour off; otherwise colour only on a terminal.
 */
export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}
