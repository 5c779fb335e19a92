/**
 * `tlib-kit sim`: run the simulated T-Server (a hot-standby pair by default)
 * until SIGINT/SIGTERM, or list the defects it can carry.
 */
import { InvalidArgumentError, type Command } from '../commander.js';
import { SERVER_DEFECTS } from '../../src/sim/defect-set.js';
import { SimError, startSimulator, type SimHandle } from '../../src/sim/index.js';
import { warn } from '../terminal.js';

interface SimOptions {
  host: string;
  port: number;
  backupPort?: number;
  controlPort?: number;
  controlHost: string;
  pair: boolean;
  defect: string[];
  defects?: boolean;
  password?: string;
  unknownAgent: string[];
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerSim(program: Command): void {
  program
    .command('sim')
    .description('run the simulated T-Server (hot-standby pair) on TCP until SIGINT/SIGTERM')
    .option('--host <address>', 'interface to listen on', '127.0.0.1')
    .option('--port <n>', 'port of the primary (server a); 0 picks a free port for every listener', port, 7000)
    .option('--backup-port <n>', 'port of the backup (server b); default --port + 1, or a free one with --port 0', port)
    .option('--control-port <n>', 'open the JSON-lines control channel (spec/control-channel.md) on this port (0: a free one)', port)
    .option('--control-host <address>', 'interface of the control channel; it can switch defects on and stage switchovers, so it stays on loopback unless asked', '127.0.0.1')
    .option('--no-pair', 'run a single server, no backup')
    .option('--defect <name>', 'switch a defect on (repeatable; see --defects)', collect, [])
    .option('--defects', 'list the defects the simulator can carry, one per line, and exit')
    .option('--password <password>', 'require this ApplicationPassword in RequestRegisterClient')
    .option('--unknown-agent <id>', 'an AgentID the switch does not have: TReserveAgent() naming it is refused (repeatable; name it in the profile\'s "absent" too)', collect, [])
    .addHelpText('after', '\nThe ports actually opened are printed on stdout, one listener a line.\nExit codes: 0 stopped cleanly, 2 bad option or a port that cannot be opened.\nLog lines (closed connections and why) go to stderr.')
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .action(async (opts: SimOptions) => {
      if (opts.defects) {
        process.stdout.write(SERVER_DEFECTS.map((d) => `${d.name}\t${d.does}\n`).join(''));
        return;
      }
      await run(opts);
    });
}

async function run(opts: SimOptions): Promise<void> {
  let sim: SimHandle;
  try {
    sim = await startSimulator({
      host: opts.host,
      port: opts.port,
      backupPort: backupPortOf(opts),
      pair: opts.pair,
      defects: opts.defect,
      unknownAgents: opts.unknownAgent,
      // Log lines quote what clients sent.
      log: (line) => warn(`${new Date().toISOString()} ${line}`),
      ...(opts.controlPort === undefined ? {} : { controlPort: opts.controlPort, controlHost: opts.controlHost }),
      ...(opts.password === undefined ? {} : { password: opts.password }),
    });
  } catch (e) {
    warn(`tlib-kit sim: ${startFailure(e)}`);
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`primary (server a) listening on ${sim.primary.host}:${sim.primary.port}\n`);
  if (sim.backup) process.stdout.write(`backup (server b) listening on ${sim.backup.host}:${sim.backup.port}\n`);
  if (sim.control) process.stdout.write(`control channel listening on ${sim.control.host}:${sim.control.port}\n`);
  if (opts.defect.length > 0) process.stdout.write(`defects on: ${opts.defect.join(', ')}\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`${signal}: closing\n`);
      sim.close().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

/** With --port 0 every listener takes a free port: a fixed 7001 for the backup would clash between parallel runs. */
export function backupPortOf(opts: Pick<SimOptions, 'port' | 'backupPort'>): number {
  if (opts.backupPort !== undefined) return opts.backupPort;
  return opts.port === 0 ? 0 : opts.port + 1;
}

function startFailure(e: unknown): string {
  if (e instanceof SimError) return e.message;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `a port is already in use (${(e as Error).message})`;
  if (code === 'EACCES') return `not allowed to listen there (${(e as Error).message})`;
  return e instanceof Error ? e.message : String(e);
}
