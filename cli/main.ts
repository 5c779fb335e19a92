#!/usr/bin/env node
/**
 * The tlib-kit command line. Each subcommand lives in cli/commands/ and
 * registers itself here; keep this file to the list.
 */
import { Command } from './commander.js';
import { ignoreClosedStdout } from './closed-stdout.js';
import { registerConform } from './commands/conform.js';
import { registerDemo } from './commands/demo.js';
import { registerFuzz } from './commands/fuzz.js';
import { registerSim } from './commands/sim.js';
import { registerValidate } from './commands/validate.js';
import { packageVersion } from './version.js';

ignoreClosedStdout();

const program = new Command('tlib-kit')
  .description('T-Server protocol (T-Library) codec, validator, simulator and conformance kit')
  .version(packageVersion(), '-V, --version', 'print the tlib-kit version')
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ outputError: (str, write) => write(str) });

registerConform(program);
registerDemo(program);
registerFuzz(program);
registerSim(program);
registerValidate(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`tlib-kit: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
