/** tlib-kit/conformance: the runner engine, its scenarios and targets, for programs that drive it without the CLI. */
export { runConformance, type EngineOptions } from './engine.js';
export { exitCodeOf, summarize } from './aggregate.js';
export { SCENARIOS } from './scenarios/index.js';
export { selectScenarios, matchesId } from './select.js';
export { parseKnownList, readKnownList, writeKnownList, knownListText, type KnownEntry } from './known-list.js';
export { embeddedTarget, type EmbeddedTargetOptions } from './targets/embedded.js';
export { tcpTarget, type TcpTargetOptions } from './targets/tcp.js';
export { execTarget, SESSION_ENV, type ExecTargetOptions } from './targets/exec.js';
export { commandControl } from './control/command.js';
export { channelControl } from './control/channel.js';
export { ConformanceUsageError } from './usage-error.js';
export { ConformanceError, type FailureCode } from './failure.js';
export type { Scenario, ScenarioContext, Need, Control, WireClient, AppView, Expectation, Receiver } from './scenario.js';
export type { Target, TargetSession } from './target.js';
export { REPORT_SCHEMA_VERSION, type Address, type CaseResult, type RunReport, type TargetInfo, type Verdict, type WireRecord } from './report-model.js';
export { reproduceCommand } from './reproduce.js';
export { renderCaseLine, renderSummary, renderJunit, renderHtmlReport, writeJsonReport, writeJunitReport, writeHtmlReport } from './report/index.js';
