/** Where each lifeline of a sequence diagram stands: runner-side actors left, server-side peers right. */
import type { WireRecord } from '../report-model.js';

export const GEOMETRY = {
  timeWidth: 84,
  margin: 16,
  laneWidth: 170,
  sideGap: 64,
  badgeWidth: 92,
  rowHeight: 34,
  headHeight: 64,
} as const;

const ACTOR_ORDER = ['client-a', 'client-b', 'app'];
const PEER_ORDER = ['primary', 'backup'];

export interface Lanes {
  actors: string[];
  peers: string[];
  /** Total width of a diagram row. */
  width: number;
  x(side: 'actor' | 'peer', name: string): number;
}

/** Known names first in their usual order, then others as they appear, so diagrams of different scenarios line up. */
function ordered(seen: string[], preferred: string[]): string[] {
  const unique = [...new Set(seen)];
  return [...preferred.filter((n) => unique.includes(n)), ...unique.filter((n) => !preferred.includes(n))];
}

export function layoutLanes(exchange: WireRecord[]): Lanes {
  const actors = ordered(exchange.map((r) => r.actor), ACTOR_ORDER);
  const peers = ordered(exchange.map((r) => r.peer), PEER_ORDER);
  const g = GEOMETRY;
  const laneCenter = (i: number, gap: number) => g.timeWidth + g.margin + i * g.laneWidth + g.laneWidth / 2 + gap;
  return {
    actors,
    peers,
    width: g.timeWidth + 2 * g.margin + (actors.length + peers.length) * g.laneWidth + g.sideGap + g.badgeWidth,
    x: (side, name) =>
      side === 'actor' ? laneCenter(actors.indexOf(name), 0) : laneCenter(actors.length + peers.indexOf(name), g.sideGap),
  };
}
