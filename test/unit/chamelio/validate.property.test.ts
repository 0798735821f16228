import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateOrgInfo, validateTask } from '../../../src-main/core/chamelio/validate.ts';

const text = fc.string({ maxLength: 24 });
const textOrNull = fc.option(text, { nil: null });
const variable = fc.record({
  variable_type: text,
  value: fc.jsonValue({ maxDepth: 4 }),
  step_id: text,
  variable_id: text,
});
const stepRun = fc.record({
  step_run_id: text,
  step_id: text,
  step_name: text,
  step_type: text,
  status: text,
  variables: fc.array(variable, { maxLength: 3 }),
});
const validTask = fc.record({
  task_id: fc.integer({ min: 1 }),
  task_url: textOrNull,
  task_title: textOrNull,
  workflow_id: text,
  workflow_name: textOrNull,
  workflow_version: fc.integer(),
  workflow_state_id: text,
  status: text,
  current_step_id: textOrNull,
  current_step_name: textOrNull,
  current_step_type: textOrNull,
  created_at: text,
  updated_at: text,
  completed_at: textOrNull,
  owner_email: textOrNull,
  assignee_email: textOrNull,
  collaborator_emails: fc.array(text, { maxLength: 3 }),
  step_runs: fc.array(stepRun, { maxLength: 3 }),
  variables: fc.array(variable, { maxLength: 4 }),
});
const validOrgInfo = fc.record({
  org_name: text,
  rate_limit_per_minute: fc.nat(),
  entities: fc.array(
    fc.record({ legal_entity_id: fc.integer(), name: text, entity_type: text, jurisdiction: text }),
    { maxLength: 3 },
  ),
  api_key_id: fc.integer(),
});

type Kind = 'string' | 'string?' | 'integer' | 'array';
const TASK_FIELDS: Record<string, Kind> = {
  task_id: 'integer', task_url: 'string?', task_title: 'string?', workflow_id: 'string', workflow_name: 'string?',
  workflow_version: 'integer', workflow_state_id: 'string', status: 'string', current_step_id: 'string?',
  current_step_name: 'string?', current_step_type: 'string?', created_at: 'string', updated_at: 'string',
  completed_at: 'string?', owner_email: 'string?', assignee_email: 'string?', collaborator_emails: 'array',
  step_runs: 'array', variables: 'array',
};
const ORG_FIELDS: Record<string, Kind> = { org_name: 'string', rate_limit_per_minute: 'integer', entities: 'array', api_key_id: 'integer' };

/** A JSON value that is not of the given kind. */
function wrongFor(kind: Kind): fc.Arbitrary<unknown> {
  const scalars = fc.oneof(fc.boolean(), fc.dictionary(text, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }));
  switch (kind) {
    case 'string':
      return fc.oneof(scalars, fc.integer(), fc.constant(null), fc.array(text, { maxLength: 2 }));
    case 'string?':
      return fc.oneof(scalars, fc.double(), fc.array(text, { maxLength: 2 }));
    case 'integer':
      return fc.oneof(scalars, text, fc.constant(null), fc.double().filter((n) => !Number.isSafeInteger(n)), fc.array(fc.integer(), { maxLength: 2 }));
    case 'array':
      return fc.oneof(scalars, text, fc.integer(), fc.constant(null));
  }
}

function nest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { task: value, variables: value };
  return value;
}

describe('validateTask and validateOrgInfo, for any input', () => {
  it('never throw on arbitrary JSON, bare or wrapped as { task }', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(() => validateTask(json)).not.toThrow();
        expect(() => validateTask({ task: json })).not.toThrow();
        expect(() => validateOrgInfo(json)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('never throw on arbitrary values that are not JSON at all', () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }), (value) => {
        expect(() => validateTask({ task: value })).not.toThrow();
        expect(() => validateOrgInfo(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('never throw on very deep or very large input', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(validateTask(deep).ok).toBe(false);
    expect(validateTask({ task: deep }).ok).toBe(false);
    expect(validateOrgInfo(nest(50_000, 1)).ok).toBe(false);
    fc.assert(
      fc.property(validTask, fc.integer({ min: 1000, max: 100_000 }), (task, depth) => {
        const deepValue = { ...task, variables: [{ variable_type: 'text', value: nest(depth, 'x'), step_id: 's', variable_id: 'v' }] };
        expect(validateTask({ task: deepValue }).ok).toBe(false);
      }),
      { numRuns: 5 },
    );
    const wide = { task: { variables: Array.from({ length: 200_000 }, () => ({})) } };
    expect(validateTask(wide).ok).toBe(false);
  });

  it('accept every well-typed task and org info, returning exactly the documented fields', () => {
    fc.assert(
      fc.property(validTask, fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), (task, extras) => {
        const result = validateTask({ task: { ...extras, ...task }, ...extras });
        expect(result).toEqual({ ok: true, value: task });
      }),
    );
    fc.assert(
      fc.property(validOrgInfo, (info) => {
        expect(validateOrgInfo({ ...info, extra: 1 })).toEqual({ ok: true, value: info });
      }),
    );
  });

  it('reject a wrong type in any task field, naming that field', () => {
    const fieldAndValue = fc.constantFrom(...Object.keys(TASK_FIELDS)).chain((field) =>
      fc.tuple(fc.constant(field), wrongFor(TASK_FIELDS[field]!)),
    );
    fc.assert(
      fc.property(validTask, fieldAndValue, (task, [field, wrong]) => {
        const result = validateTask({ task: { ...task, [field]: wrong } });
        expect(result.ok).toBe(false);
        expect(!result.ok && result.message).toMatch(new RegExp(`^task\\.${field}: expected `));
      }),
      { numRuns: 500 },
    );
  });

  it('reject a wrong type in any org info field, naming that field', () => {
    const fieldAndValue = fc.constantFrom(...Object.keys(ORG_FIELDS)).chain((field) =>
      fc.tuple(fc.constant(field), wrongFor(ORG_FIELDS[field]!)),
    );
    fc.assert(
      fc.property(validOrgInfo, fieldAndValue, (info, [field, wrong]) => {
        const result = validateOrgInfo({ ...info, [field]: wrong });
        expect(!result.ok && result.message).toMatch(new RegExp(`^${field}: expected `));
      }),
      { numRuns: 300 },
    );
  });
});
