/**
 * The simulator side of the fan-out benchmark, in its own process so that
 * the server and the 1,000 clients each get one of the machine's two cores.
 * Reports its port over IPC and runs until the parent disconnects.
 */
import { startSimulator } from '../src/sim/index.js';

const sim = await startSimulator({ pair: false });
process.send!({ port: sim.primary.port, host: sim.primary.host });
process.on('disconnect', () => {
  void sim.close().then(() => process.exit(0));
});
