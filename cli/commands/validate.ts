/**
 * `tlib-kit validate <file|-> [--request <file>] [--delivered]`: checks each
 * message of the input against the reference's rules (spec/validation.md).
 */
import type { Command } from '../commander.js';
import { formatViolation, validate, type ValidationContext } from '../../src/validate/index.js';
import { EXIT } from '../exit-codes.js';
import { InputError } from '../input/errors.js';
import { readMessages, type Format, type MessageItem } from '../input/read-input.js';
import { readSource, sourceName } from '../input/source.js';
import { formatOption, usageExit, verbAction } from '../verb-action.js';
import { say, warn } from '../terminal.js';

interface ValidateOptions {
  request?: string;
  delivered?: boolean;
  format: Format;
}

async function load(path: string, what: string, format: Format): Promise<MessageItem[]> {
  try {
    return readMessages(await readSource(path, what), format);
  } catch (e) {
    if (e instanceof InputError && e.code !== 'UNREADABLE') throw new InputError(e.code, `${what} ${sourceName(path)}: ${e.message}`);
    throw e;
  }
}

async function contextOf(opts: ValidateOptions): Promise<ValidationContext> {
  const context: ValidationContext = { delivered: opts.delivered === true };
  if (opts.request === undefined) return context;
  const requests = await load(opts.request, 'request file', opts.format);
  const first = requests[0]!;
  if (first.error) throw first.error;
  if (requests.length !== 1) throw new InputError('BAD_MESSAGE', `request file ${opts.request}: expected one message, found ${requests.length}`);
  return { ...context, request: first.message! };
}

async function run(file: string, opts: ValidateOptions): Promise<number> {
  const context = await contextOf(opts);
  const items = await load(file, 'file', opts.format);
  let broken = 0;
  let unreadable = 0;
  for (const item of items) {
    if (item.error) {
      unreadable++;
      warn(`tlib-kit validate: ${item.error.message}`);
      continue;
    }
    const violations = validate(item.message!, context);
    if (violations.length > 0) broken++;
    for (const v of violations) say(`${item.where}: ${formatViolation(v)}`);
  }
  const n = items.length;
  const parts = [broken === 0 && unreadable === 0 ? 'all valid' : `${broken} with violations`];
  if (unreadable > 0) parts.push(`${unreadable} unreadable`);
  const summary = `${n} message${n === 1 ? '' : 's'}, ${parts.join(', ')}`;
  (broken === 0 && unreadable === 0 ? say : warn)(summary);
  return unreadable > 0 ? EXIT.USAGE : broken > 0 ? EXIT.VIOLATIONS : EXIT.OK;
}

export function registerValidate(program: Command): void {
  usageExit(
    program
      .command('validate')
      .description("check messages against the reference's attribute cardinality and rules")
      .argument('<file>', 'messages to check, - for standard input: JSON (a message, an array, JSON lines, or golden vectors of spec/vectors/*.json), hex frames, or binary frames')
      .addOption(formatOption())
      .option('--request <file>', 'the request the messages answer (one message, same forms): turns on the echo and SubscriptionID rules')
      .option('--delivered', 'check the messages as the client library delivers them (Server required, EventRestoreConnection refused)')
      .addHelpText(
        'after',
        '\nOutput: one line per violation: where, rule id, what was expected and found, and the reference sentence.\nAn unreadable message or frame is named (index, byte offset) on stderr; the others are still checked.\nExit codes: 0 all valid, 1 violations, 2 unreadable input or bad usage.\nRules and decisions: spec/validation.md.',
      ),
  ).action(verbAction('validate', run));
}
