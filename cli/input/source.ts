/** The bytes of a command's input: a file, or `-` for standard input. */
import { readFileSync } from 'node:fs';
import { InputError } from './errors.js';

const READ_FAILURES: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' };

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** `what` names the input in errors ("file", "request file"). */
export async function readSource(path: string, what: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  if (path === '-') return readStdin(stdin);
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new InputError('UNREADABLE', `cannot read ${what} ${path}: ${READ_FAILURES[code] ?? (e as Error).message}`);
  }
}

/** How a source is named in messages. */
export const sourceName = (path: string): string => (path === '-' ? 'standard input' : path);
