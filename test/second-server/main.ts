/**
 * Command line of the vendor pair:
 *   npx tsx test/second-server/main.ts [--primary-port N] [--backup-port N] [--control-port N]
 *     [--dns 7001-7010 --agents a1,a2 --places p1 --call 0000000000000abc@7001[:customer]]
 *     [--password s3cret] [--mutant ID] [--write-gap-ms 1] [--restore-delay-ms 15]
 *     [--max-reserve-ms 20000] [--default-reserve-ms 5000] [--quiet]
 * Prints one JSON line {"primary":..,"backup":..,"control":..} once listening.
 */
import { optionsFromArgs, USAGE } from './args.js';
import { MUTANTS } from './mutants.js';
import { startVendorPair } from './start.js';

async function main(): Promise<void> {
  let parsed: ReturnType<typeof optionsFromArgs>;
  try {
    parsed = optionsFromArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed === 'mutants') {
    for (const m of MUTANTS) process.stdout.write(`${m.id.padEnd(40)} ${m.section}: ${m.description}\n`);
    return;
  }
  const handle = await startVendorPair(parsed);
  process.stdout.write(`${JSON.stringify({ primary: handle.primary, backup: handle.backup, control: handle.controlPort ?? null })}\n`);
  const stop = () => void handle.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
});
