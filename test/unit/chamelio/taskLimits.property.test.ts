import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonCharsAtMost, MAX_SNAPSHOT_JSON_CHARS, REWRITE_GROWTH } from '../../../src-main/core/chamelio/taskLimits.ts';
import { validateTask } from '../../../src-main/core/chamelio/validate.ts';
import { seedTaskBody } from './seedTask.ts';

/** The bounds that let the validator skip writing a value or a snapshot out to measure it. */
describe('the size bounds of an answer', () => {
  it('jsonCharsAtMost is never below the real length of the JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.string({ unit: 'binary', maxLength: 30 }), (value, odd) => {
        // Strings of any characters, lone surrogates and control characters too (written escaped).
        const json = { value, odd, list: [odd, value] };
        expect(jsonCharsAtMost(json, Infinity)).toBeGreaterThanOrEqual(JSON.stringify(json).length);
      }),
      { numRuns: 500 },
    );
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
