// Runs the ack/ scenarios against the embedded simulator from code, prints
// each verdict and the summary, writes a JSON and a JUnit report, and exits
// like `tlib-kit conform`. Usage: node --import tsx run-suite.ts [defect] [out-dir]
import { join } from 'node:path';
import { embeddedTarget, exitCodeOf, renderCaseLine, renderSummary, runConformance, SCENARIOS, selectScenarios, writeJsonReport, writeJunitReport } from 'tlib-kit/conformance';
import { validate } from 'tlib-kit/validate';

const [defect, outDir = '.'] = process.argv.slice(2);
const target = embeddedTarget({ defects: defect ? [defect as never] : [], connectTimeoutMs: 2000 });

const report = await runConformance({
  target,
  scenarios: selectScenarios(SCENARIOS, ['ack'], []),
  catalogueIds: SCENARIOS.map((s) => s.id),
  validate,
  version: 'run-suite example',
  timeoutMs: 2000,
  seed: 42,
  repeat: 1,
  onResult: (r) => console.log(renderCaseLine(r)),
});
await target.close();

console.log(renderSummary(report));
await writeJsonReport(report, join(outDir, 'conformance.json'));
await writeJunitReport(report, join(outDir, 'conformance.xml'));
process.exitCode = exitCodeOf(report);
