/**
 * Runs the independent Python codec (python-codec/tlib_codec.py) in batch mode:
 * one process answers a whole array of requests, one JSON line each way.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./python-codec/tlib_codec.py', import.meta.url));
const PYTHON = process.env.PYTHON ?? 'python3';

export type Limits = Partial<Record<
  'maxFrameBytes' | 'maxDepth' | 'maxAttributes' | 'maxPairs' | 'maxStringBytes' | 'maxCostPerByte', number>>;

export type PyRequest =
  | { op: 'decode'; hex: string; limits?: Limits }
  | { op: 'encode'; message: unknown; options?: { allowObsolete?: boolean; limits?: Limits } }
  | { op: 'stream'; chunks: string[]; maxFrameBytes?: number };

export interface PyDecoded {
  ok: boolean;
  message?: unknown;
  canonical?: string;
  canonicalError?: { code: string; path: string };
  code?: string;
  offset?: number;
  path?: string;
  hex?: string;
}

export interface PyStreamed {
  frames: string[];
  error: { code: string; offset: number } | null;
  /** after an error: what a later chunk, then the end of the stream, gave */
  again?: ({ returned: string[] } | { code: string; offset: number })[];
}

/** Answers in request order; throws when the process fails or answers a different number of lines. */
export function runPython<T = PyDecoded>(requests: readonly (PyRequest | string)[], args: readonly string[] = []): T[] {
  // a string is a request already written as JSON (messages whose key order or "__proto__" keys must survive)
  const input = requests.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
  const run = spawnSync(PYTHON, [SCRIPT, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${PYTHON} ${SCRIPT} exited ${run.status}: ${run.stderr}`);
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== requests.length) {
    throw new Error(`python codec answered ${lines.length} lines for ${requests.length} requests: ${run.stderr}`);
  }
  return lines.map((l) => JSON.parse(l) as T);
}
