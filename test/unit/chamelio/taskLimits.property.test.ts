import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keptValue, MAX_SNAPSHOT_JSON_CHARS, MAX_VALUE_JSON_CHARS, REWRITE_GROWTH } from '../../../src-main/core/chamelio/taskLimits.ts';
import { validateTask } from '../../../src-main/core/chamelio/validate.ts';
import { seedTaskBody } from './seedTask.ts';

/** The bounds that let the validator skip writing a value or a snapshot out to measure it. */
describe('the size bounds of an answer', () => {
  it('a value is kept whole when its JSON fits, and replaced by a note only when it does not', () => {
    // Strings of any characters (lone surrogates and control characters are written escaped, up
    // to 6 characters each), so the bound the walk sums is tested near the limit from both sides.
    const text = fc
      .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), fc.integer({ min: 500, max: 3000 }))
      .map(([piece, times]) => piece.repeat(times).slice(0, 10_000)); // never shortened
    const strings = fc.array(text, { minLength: 3, maxLength: 12 }); // about a quarter of them over the limit
    const seen = { whole: 0, note: 0 };
    fc.assert(
      fc.property(strings, fc.jsonValue({ maxDepth: 3 }), (list, other) => {
        const value = { list, other, nested: [list.slice(0, 2), { other }] };
        const kept = keptValue(value, 64);
        if (!kept.ok) throw new Error('not too deep');
        const chars = JSON.stringify(value).length;
        if (chars <= MAX_VALUE_JSON_CHARS) expect(kept.value).toEqual(value);
        else expect(kept.value).toMatch(/^\[Too large to keep here/);
        seen[chars <= MAX_VALUE_JSON_CHARS ? 'whole' : 'note']++;
      }),
      { numRuns: 200 },
    );
    expect(seen.note).toBeGreaterThan(10);
    expect(seen.whole).toBeGreaterThan(10);
  });

  it('a snapshot is written out at most REWRITE_GROWTH times as long as the answer it was read from', () => {
    // The worst growth: numbers written with an exponent come back as all their digits ("1e20": 21
    // characters), and variables without a value get one.
    const task = seedTaskBody().task;
    const numbers = Array.from({ length: 2000 }, () => '1e20').join(',');
    const variables = Array.from({ length: 300 }, (_, i) => `{"variable_type":"n","value":[${numbers}],"step_id":"s","variable_id":"v${i}"}`);
    const bare = Array.from({ length: 300 }, (_, i) => `{"variable_type":"","step_id":"","variable_id":"${i}"}`);
    for (const list of [variables.slice(0, 1), bare]) {
      const text = JSON.stringify({ task: { ...task, variables: [] } }).replace('"variables":[]', `"variables":[${list.join(',')}]`);
      const bytes = new TextEncoder().encode(text).byteLength;
      const result = validateTask(JSON.parse(text), bytes);
      if (!result.ok) throw new Error(result.message);
      expect(JSON.stringify(result.value).length).toBeLessThanOrEqual(REWRITE_GROWTH * bytes);
    }
  });

  it('an answer too long for the bound is measured, and bounded, as before', () => {
    const task = seedTaskBody().task;
    const long = 'x'.repeat(9_000);
    const variables = Array.from({ length: 60 }, (_, i) => ({ variable_type: 'text', value: long, step_id: 's', variable_id: `v${i}` }));
    const text = JSON.stringify({ task: { ...task, variables } });
    expect(text.length).toBeGreaterThan(MAX_SNAPSHOT_JSON_CHARS / REWRITE_GROWTH);
    const result = validateTask(JSON.parse(text), text.length);
    if (!result.ok) throw new Error(result.message);
    expect(JSON.stringify(result.value).length).toBeLessThanOrEqual(MAX_SNAPSHOT_JSON_CHARS);
  });
});
