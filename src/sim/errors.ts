/** Failures of the simulator's own API (not protocol errors, which become EventError). */
export type SimErrorCode =
  /** An option of startSimulator() or a control action is malformed. */
  | 'BAD_OPTION'
  /** A defect name that src/sim/defects/ does not list. */
  | 'UNKNOWN_DEFECT'
  /** A defect the client library carries, not the server. */
  | 'CLIENT_DEFECT'
  /** A hot-standby action on a simulator started with pair: false. */
  | 'NO_BACKUP'
  /** The simulator is closed. */
  | 'CLOSED';

export class SimError extends Error {
  override readonly name = 'SimError';
  constructor(
    readonly code: SimErrorCode,
    message: string,
  ) {
    super(message);
  }
}
