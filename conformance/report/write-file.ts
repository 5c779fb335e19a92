import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';

/** Where a report goes: a file, or standard output for "-" (as decode, encode and validate read "-" as standard input). */
export const STDOUT_PATH = '-';

/**
 * Writes a report piece by piece, so no format ever builds the whole file as
 * one string (a long run's report can exceed what one string may hold).
 * Missing parent folders are created rather than failing a finished run.
 */
export async function writeReportFile(path: string, content: string | Iterable<string>): Promise<void> {
  const chunks = typeof content === 'string' ? [content] : content;
  if (path === STDOUT_PATH) {
    for (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    return;
  }
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, 'utf8');
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    for (const chunk of chunks) if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } finally {
    out.destroy();
  }
}
