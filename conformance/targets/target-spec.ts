/**
 * From the command line's words to a Target: no --target is the embedded
 * simulator; `tcp://host:port` (with --backup) any server; `exec:<command>`
 * a bridge. --control is a command or a `tcp://` control channel. Every
 * mistake is a ConformanceUsageError that says what to write instead.
 */
import { isDefectName, type DefectName } from '../../src/sim/defects/index.js';
import { channelControl } from '../control/channel.js';
import { commandControl } from '../control/command.js';
import type { Control } from '../model/scenario.js';
import type { Target } from './target.js';
import { embeddedTarget } from './embedded.js';
import { execTarget } from './exec.js';
import { tcpTarget } from './tcp.js';
import { parseTcpUrl, type TcpAddress } from '../message-path/transport.js';
import { ConformanceUsageError } from '../model/usage-error.js';

export interface TargetWords {
  target?: string;
  backup?: string;
  control?: string;
  simDefects: string[];
  /** How long one control action may take (--control-timeout, the profile's timeouts.controlMs). */
  controlMs: number;
  /** How long a connection may take to open (the profile's timeouts.startupMs). */
  startupMs: number;
  /** The profile's ApplicationPassword: the embedded simulator is configured to require it. */
  password?: string;
}

export function parseTcpAddress(text: string, option: string): TcpAddress {
  const address = parseTcpUrl(text);
  if (!address) throw new ConformanceUsageError(`${option} "${text}" is not tcp://host:port (port 1-65535)`);
  return address;
}

function parseControl(text: string | undefined, timeoutMs: number): { control?: Control; controlLabel?: string } {
  if (text === undefined) return {};
  if (!text.trim()) throw new ConformanceUsageError('--control needs a command or tcp://host:port');
  const control = text.startsWith('tcp://') ? channelControl(parseTcpAddress(text, '--control'), timeoutMs) : commandControl(text, timeoutMs);
  return { control, controlLabel: text };
}

function checkDefects(names: string[]): DefectName[] {
  for (const n of names) {
    if (!isDefectName(n)) throw new ConformanceUsageError(`unknown simulator defect "${n}" (tlib-kit sim --defects lists them)`);
  }
  return names as DefectName[];
}

export function targetFromWords(w: TargetWords): Target {
  if (w.target === undefined) {
    if (w.backup !== undefined || w.control !== undefined) throw new ConformanceUsageError('--backup and --control need --target: the embedded simulator has its own pair and control');
    return embeddedTarget({ defects: checkDefects(w.simDefects), connectTimeoutMs: w.startupMs, ...(w.password !== undefined ? { password: w.password } : {}) });
  }
  if (w.simDefects.length) throw new ConformanceUsageError('--sim-defect applies to the embedded simulator only: leave out --target');
  const control = parseControl(w.control, w.controlMs);
  if (w.target.startsWith('exec:')) {
    const command = w.target.slice(5).trim();
    if (!command) throw new ConformanceUsageError('--target exec: needs a command, e.g. --target "exec:node my-bridge.js"');
    if (w.backup !== undefined) throw new ConformanceUsageError('--backup does not apply to an exec target: the bridge reaches the backup itself');
    return execTarget({ command, ...control });
  }
  if (w.target.startsWith('tcp://')) {
    return tcpTarget({
      primary: parseTcpAddress(w.target, '--target'),
      ...(w.backup !== undefined ? { backup: parseTcpAddress(w.backup, '--backup') } : {}),
      ...control,
      connectTimeoutMs: w.startupMs,
    });
  }
  throw new ConformanceUsageError(`--target "${w.target}" is neither tcp://host:port nor exec:<command>`);
}
