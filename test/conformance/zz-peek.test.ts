import { it } from 'vitest';
import { channelControl } from '../../conformance/control/channel.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { tcpTarget } from '../../conformance/targets/tcp.js';
import { startVendorPair } from '../second-server/start.js';
import { run } from './helpers.js';
it('peek', async () => {
  for (const mutant of ['primary-changed-late-to-old-primary']) {
  const h = await startVendorPair({ log: () => undefined, mutant });
  const target = tcpTarget({ primary: h.primary, backup: h.backup, control: channelControl({ host: h.primary.host, port: h.controlPort! }, 2000), connectTimeoutMs: 2000 });
  const r = await run(target, { scenarios: SCENARIOS.filter((s) => s.id === 'primary-changed/reported-by-new-primary'), timeoutMs: 2000, seed: 12 });
  console.log(mutant, r.results.map((x) => [x.verdict, x.reason, x.reference]), r.problems);
  await h.close();
  }
}, 60000);
