/** Per-test simulator and clients, closed after each test. */
import { startSimulator, type SimHandle, type SimulatorOptions } from '../../src/sim/index.js';
import { connectRegistered, connectWire, registerDn, type WireClient } from './wire-client.js';
import { closeAfterEach } from '../helpers/close-after-each.js';

export interface SimFixture {
  start(opts?: SimulatorOptions): Promise<SimHandle>;
  /** A raw connection to server 'a' (or the given port), closed after the test. */
  raw(port?: number): Promise<WireClient>;
  /** A registered client of server 'a' (or the given port), closed after the test. */
  client(port?: number, name?: string): Promise<WireClient>;
  /** Three registered clients of server 'a': one that asks, one on `dn`, a bystander on `elsewhere`. */
  trio(dn: string, elsewhere: string): Promise<{ requester: WireClient; onDn: WireClient; bystander: WireClient }>;
  readonly sim: SimHandle;
}

export function useSim(): SimFixture {
  let sim: SimHandle | undefined;
  const clients: WireClient[] = [];
  closeAfterEach(() => [...clients.splice(0), sim], () => (sim = undefined));
  const current = (): SimHandle => {
    if (!sim) throw new Error('start the simulator first');
    return sim;
  };
  const track = (c: WireClient) => (clients.push(c), c);
  return {
    async start(opts) {
      sim = await startSimulator(opts);
      return sim;
    },
    raw: async (port) => track(await connectWire(port ?? current().primary.port)),
    client: async (port, name) => track(await connectRegistered(port ?? current().primary.port, name)),
    async trio(dn, elsewhere) {
      const requester = await this.client();
      const onDn = await this.client();
      const bystander = await this.client();
      await registerDn(onDn, dn);
      await registerDn(bystander, elsewhere);
      return { requester, onDn, bystander };
    },
    get sim() {
      return current();
    },
  };
}
