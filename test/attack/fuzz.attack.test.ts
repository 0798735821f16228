import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactKey } from '../../src-main/core/chamelio/apiKey.ts';
import { MAX_FIELD_CHARS, MAX_SNAPSHOT_JSON_CHARS } from '../../src-main/core/chamelio/taskLimits.ts';
import { validateTask } from '../../src-main/core/chamelio/validate.ts';
import { parseTaskRefs } from '../../src-main/core/tasks/parseTaskRefs.ts';
import { viewVariable } from '../../src-renderer/lib/variables.ts';
import { makeTask } from '../support/makeTask.ts';
import { ATTACK_SEED, countCases } from './support/cases.ts';

// Fixed seeds and run counts: a failure replays exactly, and the suite's time stays bounded.
const runs = (numRuns: number) => ({ numRuns, seed: ATTACK_SEED });

const pieces = fc.constantFrom(
  'https://', 'http://', 'app.chamelio.ai', 'evil.com', '/workflows/tasks/', '@', '#', ',', ';', '.', '…', '(', ')', '[', ']',
  '<', '>', '"', ' ', '\n', '%2e', 'xn--', ':', '//', '1', '42', '0', '-', '\u202e', '\u0430', '?', '=', '*', '_',
);
const soup = fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''));

describe('parser fuzz', () => {
  it('never accepts an id from a link that is not on the app host, and never throws', () => {
    fc.assert(
      fc.property(soup, fc.integer({ min: 1, max: 1e9 }), (text, id) => {
        const foreign = `https://evil.com/workflows/tasks/${id}`;
        const result = parseTaskRefs(`${foreign},${id + 1} ${text}`);
        expect(result.rejected.some((r) => r.fragment.startsWith(foreign))).toBe(true);
        for (const r of result.rejected) expect(r.message.length).toBeLessThan(400);
      }),
      runs(800),
    );
    countCases('parser fuzz', 800);
  });
});

describe('validator fuzz', () => {
  it('any value, any size: never throws, and what it keeps is bounded', () => {
    const hugeish = fc.string({ maxLength: 3000 }).map((s) => s.repeat(1 + (s.length % 5)));
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), hugeish, (value, title) => {
        const checked = validateTask({ task: { ...makeTask({ task_id: 3, task_title: title }), variables: [{ variable_type: 'dynamic_table', value, step_id: 's', variable_id: 'v' }] } });
        expect(checked.ok).toBe(true);
        if (!checked.ok) return;
        expect(checked.value.task_title!.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
        expect(JSON.stringify(checked.value).length).toBeLessThanOrEqual(MAX_SNAPSHOT_JSON_CHARS);
        const view = viewVariable('dynamic_table', checked.value.variables[0]!.value);
        if (view.kind === 'table') expect(view.rows.length).toBeLessThanOrEqual(100);
      }),
      runs(600),
    );
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(() => validateTask(junk)).not.toThrow();
        expect(() => validateTask({ task: junk })).not.toThrow();
      }),
      runs(400),
    );
    countCases('validator fuzz', 1000);
  });
});

describe('redaction fuzz', () => {
  it('a random key inside random text, as is or base64 at any offset, never survives', () => {
    const key = fc.stringMatching(/^[A-Za-z0-9_-]{12,48}$/).map((b) => `ca_${b}`);
    fc.assert(
      fc.property(key, fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (k, before, after) => {
        const b64 = Buffer.from(`${before}${k}${after}`).toString('base64');
        for (const text of [`${before}${k}${after}`, b64, encodeURIComponent(`${before}${k}`)]) {
          expect(redactKey(text, k).toLowerCase()).not.toContain(k.slice(3).toLowerCase());
        }
      }),
      runs(400),
    );
    countCases('redaction fuzz', 400);
  });
});
