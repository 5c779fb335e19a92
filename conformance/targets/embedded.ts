/**
 * No --target: the embedded simulator, started in-process. Each scenario
 * session gets its own hot-standby pair, so scenarios never disturb each
 * other and all run at once; control is in-process; the application view is
 * this kit's client library.
 */
import { defectNamed, type DefectName } from '../../src/sim/defects/index.js';
import { startSimulator } from '../../src/sim/index.js';
import { targetError } from '../model/failure.js';
import type { Control, Need } from '../model/scenario.js';
import type { Target, TargetSession } from './target.js';
import { connectTcp } from '../message-path/transport.js';
import { openLibraryApp } from './library-app.js';

export interface EmbeddedTargetOptions {
  defects: readonly DefectName[];
  connectTimeoutMs: number;
  /** The profile's ApplicationPassword, configured on the simulator so the run's credentials are checked. */
  password?: string;
}

/** What the embedded switch lacks: its negative inputs (TReserveAgent() for this agent is refused, no call has this ConnID). */
const EMBEDDED_ABSENT = { agents: ['agent-absent'], calls: ['00000000deadbeef'] };

export function embeddedTarget(o: EmbeddedTargetOptions): Target {
  const where = (d: DefectName): 'server' | 'client' | undefined => defectNamed(d)?.where;
  const serverDefects = o.defects.filter((d) => where(d) === 'server');
  const clientDefects = o.defects.filter((d) => where(d) === 'client');
  return {
    description: `embedded simulator (hot-standby pair)${o.defects.length ? `, defects: ${o.defects.join(', ')}` : ''}`,
    info: { kind: 'embedded', defects: [...o.defects] },
    isolated: true,
    absent: EMBEDDED_ABSENT,
    unmet: (_need: Need) => undefined,
    session: async (): Promise<TargetSession> => {
      const sim = await startSimulator({ port: 0, pair: true, defects: serverDefects, unknownAgents: EMBEDDED_ABSENT.agents, ...(o.password !== undefined ? { password: o.password } : {}) }).catch((e: unknown) => {
        throw targetError(`the embedded simulator did not start: ${e instanceof Error ? e.message : String(e)}`);
      });
      const addresses = { primary: sim.primary, backup: sim.backup! };
      const control: Control = {
        switchover: () => sim.ctl.switchover(),
        setLink: async (server, up) => sim.ctl.setLink(server, up),
        fault: async (kind, where) => sim.ctl.switchFault(kind, where),
        call: async ({ ThisDN }) => sim.ctl.addCall({ ThisDN }),
      };
      return {
        connect: (server) => connectTcp(addresses[server], o.connectTimeoutMs),
        address: (server) => addresses[server],
        control,
        openApp: (a) => openLibraryApp(a, addresses, clientDefects),
        release: () => sim.close(),
      };
    },
    close: async () => undefined,
  };
}
