/**
 * Messages in the JSON form for the differential fuzz of encode: the valid vectors'
 * messages with one to three faults (or none) from the palettes below, in any
 * member order, under small limits now and then. Written as JSON text so that
 * member order and "__proto__" keys reach both implementations as they are.
 * Case `index` of run `seed` replays alone.
 */
import { caseRandom } from './prng.js';
import type { Limits } from './python-codec.js';

export interface EncodeCase { index: number; json: string; options: { allowObsolete?: boolean; limits?: Limits }; faults: string[] }

const LONG = 'x'.repeat(120);
const DEEP = [['a', [['b', [['c', [['d', 1]]]]]]]];
const VALUES: unknown[] = [
  5, -1, 0, -0.0, 1.5, 1e2, 2147483647, 2147483648, -2147483648, -2147483649, 4294967295, 4294967296, null, true, false,
  'x', '', '\ud800', '\udc00x', 'a\ud83d\ude00', '\u20ac\u20ac', LONG, '006e02a1c3d4e5f6', '006E02A1C3D4E5F6', '006e02a1c3d4e5f',
  '18446744073709551615', '18446744073709551616', '007', '-1', '1e3', ' 5',
  { $hex: '' }, { $hex: '00ff' }, { $hex: '00FF' }, { $hex: 'abc' }, { $hex: 'zz' }, { $hex: 5 }, {}, { $hex: '00', other: 1 },
  [], [['k', 'v']], [['k']], [[5, 'v']], [['k', null]], [['k', 1.5]], [['k', {}]], [['k', { $hex: 5 }]], [['k', true]],
  [['\ud800', 'v']], [['k', '\ud800']], [['abcdefghij', 1.5]], [['k', { $hex: 'zz' }]], [['a', 1], ['b', 2], ['c', 3]], DEEP,
  [['l', [['k', 1.5]]], ['m', 2.5]], { seconds: 1, microseconds: 2 }, 'junk',
];
const NAMES = [
  'ProtocolVersion', 'ErrorMessage', 'ReferenceID', 'ConnID', 'PreviousConnID', 'AgentID', 'Reasons', 'ThisDN', 'Timeout',
  'InputMask', 'ErrorCode', 'UserData', 'Extensions', 'UserEvent', 'ServerRole', 'ApplicationName', 'EventSequenceNumber',
  'SubscriptionID', 'SubscriptionOperation', 'Priority', 'CustomerID',
  'Colour', '7', '07', '4294967295', '__proto__', 'constructor', 'toString', 'TimeinSecs', 'TimeinuSecs',
  'MessageType', 'Obsolete', 'Server',
];
const EVENTS = ['EventNoSuchThing', 'constructor', 'EventResourceFreed', 'EventResourceAllocated', 'Unknown', 'Unknown', 'EventACK', 5, null];
const MESSAGE_TYPES = [182, 138, 99, 5.0, -1, 1.5, '182', 4294967295, 4294967296, null];
const TIMES: unknown[] = [
  { seconds: 1, microseconds: 2 }, { seconds: -1, microseconds: 0 }, { microseconds: -1, seconds: -1 }, { seconds: 1 },
  { seconds: 1, microseconds: 4294967296 }, { seconds: 1, microseconds: 2, nanoseconds: 'x' }, null, 5, [],
];
const ENTRIES: unknown[] = [
  { tag: 200, kind: 'int32', value: 1 }, { tag: 200, kind: 'int32', value: 2 }, { tag: 20, kind: 'string', value: 'x' },
  { tag: 86, kind: 'int32', value: 1 }, { tag: -1, kind: 'int32', value: 1 }, { tag: 1.5, kind: 'int32', value: 1 },
  { tag: 4294967296, kind: 'int32', value: 1 }, { tag: 4294967295, kind: 'int64', value: '5' }, { tag: 201, kind: 'bogus', value: 1 },
  { tag: 202, kind: 'toString', value: 1 }, { tag: 203, kind: 'int64', value: 5 }, { tag: 204, kind: 'int64', value: '18446744073709551616' },
  { tag: 205, kind: 'binary', value: {} }, { tag: 206, kind: 'binary', value: { $hex: 'zz' } }, { tag: 207, kind: 'kvlist', value: [['k', 1.5]] },
  { tag: 208, kind: 'string', value: '\ud800' }, { tag: 209, kind: 'int32', value: 1.5 }, { tag: 210, kind: 'kvlist', value: 'x' },
  { tag: 16004, kind: 'binary', value: { $hex: '00' } }, { tag: 211, kind: 'int32', value: 1, note: 'x' }, null, 5, { kind: 'int32', value: 1 },
];

export function encodeCase(seed: number, index: number, messages: readonly Record<string, unknown>[]): EncodeCase {
  const { r, pick } = caseRandom(seed, index, 2);
  const one = <T>(xs: readonly T[]): T => xs[pick(xs.length)]!;
  const entries: [string, unknown][] = Object.entries(structuredClone(one(messages)));
  const set = (k: string, v: unknown): void => {
    const at = entries.findIndex(([n]) => n === k);
    if (at >= 0) entries[at] = [k, v];
    else entries.splice(pick(entries.length + 1), 0, [k, v]);
  };
  const faults: string[] = [];
  const n = pick(4);
  for (let f = 0; f < n; f++) {
    switch (pick(6)) {
      case 0: case 1: { const k = one(NAMES), v = one(VALUES); set(k, v); faults.push(`${k}=${JSON.stringify(v)}`); break; }
      case 2: { const e = one(EVENTS); set('Event', e); if (e === 'Unknown') set('MessageType', one(MESSAGE_TYPES)); faults.push(`Event=${JSON.stringify(e)}`); break; }
      case 3: { const t = one(TIMES); set('time', t); faults.push(`time=${JSON.stringify(t)}`); break; }
      case 4: { const u = pick(8) === 0 ? one(VALUES) : Array.from({ length: 1 + pick(3) }, () => one(ENTRIES)); set('Unknown', u); faults.push(`Unknown=${JSON.stringify(u)}`); break; }
      default: { const k = pick(entries.length); entries.splice(k, 1); faults.push(`delete ${k}`); }
    }
  }
  if (r() < 0.5) for (let i = entries.length - 1; i > 0; i--) { const j = pick(i + 1); [entries[i], entries[j]] = [entries[j]!, entries[i]!]; }
  const json = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
  const options: EncodeCase['options'] = {};
  if (r() < 0.5) options.allowObsolete = true;
  if (r() < 0.25) {
    const limits: Limits = {};
    if (r() < 0.5) limits.maxDepth = 1 + pick(3);
    if (r() < 0.5) limits.maxPairs = 1 + pick(5);
    if (r() < 0.5) limits.maxStringBytes = 1 + pick(8);
    if (r() < 0.5) limits.maxAttributes = 1 + pick(4);
    if (r() < 0.3) limits.maxFrameBytes = 10 + pick(90);
    options.limits = limits;
  }
  return { index, json, options, faults };
}
