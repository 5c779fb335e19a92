import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Reports go where the user points, so missing parent folders are created rather than failing a finished run. */
export async function writeReportFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}
