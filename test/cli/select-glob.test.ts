/** --run, --skip and known-list globs: path semantics, and no back-tracking on hostile patterns. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileGlob, matchesId } from '../../conformance/runner/select.js';

/** [pattern, scenario id, whether the pattern selects it]: data, so a case is added without code. */
const CASES = JSON.parse(readFileSync(new URL('./select-glob.cases.json', import.meta.url), 'utf8')) as Array<[string, string, boolean]>;

describe('scenario globs', () => {
  it.each(CASES)('%s selects %s: %s', (pattern, id, expected) => {
    expect(matchesId(pattern, id)).toBe(expected);
  });

  it('matches whole ids only with matches()', () => {
    expect(compileGlob('ack/*').matches('ack/user-event/reference-id')).toBe(false);
    expect(compileGlob('ack/*').matches('ack/user-event')).toBe(true);
  });

  it('a pattern made to back-track costs pattern x id steps, not 2^n', () => {
    // 30 "**?" groups and an id of 2,000 characters without the final "q": a back-tracking matcher never returns.
    const pattern = `${'**?'.repeat(30)}q`;
    const id = 'a'.repeat(2000);
    const glob = compileGlob(pattern);
    for (let i = 0; i < 10; i++) expect(glob.selects(id)).toBe(false);
    expect(matchesId(pattern, `${id}q`)).toBe(true);
  });
});
