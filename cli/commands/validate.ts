/**
 * `tlib-kit validate <file> [--request <file>] [--delivered]`: checks each
 * message of a file against the reference's rules (spec/validation.md).
 */
import { readFileSync } from 'node:fs';
import type { Command } from '../commander.js';
import { InputError, readMessages, type InputMessage } from '../../src/validate/input.js';
import { formatViolation, validate, type ValidationContext } from '../../src/validate/index.js';

interface ValidateOptions {
  request?: string;
  delivered?: boolean;
}

class UsageError extends Error {}

const READ_FAILURES: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' };

function load(path: string, what: string): InputMessage[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot read ${what} ${path}: ${READ_FAILURES[code] ?? (e as Error).message}`);
  }
  try {
    return readMessages(bytes).messages;
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(`${what} ${path}: ${e.message}`);
    throw e;
  }
}

function contextOf(opts: ValidateOptions): ValidationContext {
  const context: ValidationContext = { delivered: opts.delivered === true };
  if (opts.request === undefined) return context;
  const requests = load(opts.request, 'request file');
  if (requests.length !== 1) throw new UsageError(`request file ${opts.request}: expected one message, found ${requests.length}`);
  return { ...context, request: requests[0]!.message };
}

function run(file: string, opts: ValidateOptions): number {
  const context = contextOf(opts);
  const messages = load(file, 'file');
  let broken = 0;
  for (const { label, message } of messages) {
    const violations = validate(message, context);
    if (violations.length > 0) broken++;
    for (const v of violations) process.stdout.write(`${label}: ${formatViolation(v)}\n`);
  }
  const summary = `${messages.length} message${messages.length === 1 ? '' : 's'}, ${broken === 0 ? 'all valid' : `${broken} with violations`}`;
  (broken === 0 ? process.stdout : process.stderr).write(`${summary}\n`);
  return broken === 0 ? 0 : 1;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description("check messages against the reference's attribute cardinality and rules")
    .argument('<file>', 'a JSON message or array of messages, hex frames as text (whitespace and # comments allowed), or binary frames; told apart by content')
    .option('--request <file>', 'the request the messages answer (one message, same forms): turns on the echo and SubscriptionID rules')
    .option('--delivered', 'check the messages as the client library delivers them (Server required, EventRestoreConnection refused)')
    .addHelpText(
      'after',
      '\nOutput: one line per violation: where, rule id, what was expected and found, and the reference sentence.\nExit codes: 0 all valid, 1 violations, 2 unreadable input or bad usage.\nRules and decisions: spec/validation.md.',
    )
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .action((file: string, opts: ValidateOptions) => {
      try {
        process.exitCode = run(file, opts);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`tlib-kit validate: ${e.message}\n`);
        process.exitCode = 2;
      }
    });
}
