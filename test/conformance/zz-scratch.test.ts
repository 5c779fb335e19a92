import { it } from 'vitest';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { DEFECTS } from '../../src/sim/defects.js';
import { runEmbedded } from './helpers.js';
it('diff', async () => {
  const out: string[] = [];
  const clean = await runEmbedded();
  out.push('clean: ' + clean.results.filter((r) => r.verdict !== 'pass').map((r) => `${r.id} ${r.verdict} ${r.reason}`).join(' | '));
  const queue = [...DEFECTS];
  const worker = async () => { for (let d = queue.shift(); d; d = queue.shift()) {
    const report = await runEmbedded([d.name]);
    const failed = report.results.filter((r) => r.verdict === 'fail' || r.verdict === 'timeout').map((r) => r.id);
    const others = report.results.filter((r) => !['fail','timeout','pass'].includes(r.verdict)).map((r) => `${r.id}:${r.verdict}:${r.reason}`);
    const expected = SCENARIOS.filter((s) => s.brokenBy.includes(d.name)).map((s) => s.id);
    const extra = failed.filter((x) => !expected.includes(x)), missing = expected.filter((x) => !failed.includes(x));
    if (extra.length || missing.length || others.length) out.push(`${d.name} extra=${extra} missing=${missing} others=${others}`);
  } };
  await Promise.all([worker(), worker(), worker(), worker()]);
  console.log(out.join('\n'));
}, 600000);
