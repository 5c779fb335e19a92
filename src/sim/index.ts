/** tlib-kit/sim: the embedded simulated T-Server (hot-standby pair). */
export { startSimulator, SERVER_NAMES, type SimulatorOptions, type SimHandle, type Address } from './simulator.js';
export type { SimControl, SimState } from './control.js';
export type { FaultLocation } from './switch-faults.js';
export { DEFAULT_SIM_LIMITS, type SimLimits } from './limits.js';
export { SimError, type SimErrorCode } from './errors.js';
export { SIM_ERROR, HARDWARE_ERROR, type SimErrorName, type SwitchFaultKind } from './error-codes.js';
export { DEFECTS, isDefectName, type Defect, type DefectName } from './defects/index.js';
export type { Scheduler } from './scheduler.js';
export { SERVER_DEFECTS } from './defect-set.js';
