/**
 * Which ReferenceIDs an attempt sends. Every (scenario, attempt) gets its
 * own block, so no two attempts of a run ever share a number, whatever
 * --repeat is: a server may copy a requester's ReferenceID onto the
 * events other clients get, and attribution by ReferenceID must then still
 * name one attempt. Blocks go attempt by attempt over the catalogue, so the
 * first attempt's numbers do not depend on --repeat or the selection:
 * `--run <id> --seed N` sends what the full run sent.
 */

/** ReferenceIDs one attempt may use: its own requests, then its observers from the middle on. */
export const ATTEMPT_BLOCK = 1000;

/**
 * The first ReferenceID of attempt `attempt` of the scenario at `place` of a
 * catalogue of `places` scenarios (selected scenarios outside it come after).
 */
export function firstReferenceId(base: number, places: number, place: number, attempt: number): number {
  return base + (attempt * places + place) * ATTEMPT_BLOCK;
}
