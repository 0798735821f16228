import { describe, expect, it } from 'vitest';
import { MAX_VALUE_DEPTH, validateOrgInfo, validateTask } from '../../../src-main/core/chamelio/validate.ts';
import { seedOrgInfo, seedTaskBody } from './seedTask.ts';

type Mutable = Record<string, unknown>;

function withTask(change: (task: Mutable) => void): unknown {
  const body = seedTaskBody();
  change(body.task);
  return body;
}

function message(result: { ok: true } | { ok: false; message: string }): string {
  if (result.ok) throw new Error('expected a rejection');
  return result.message;
}

describe('validateTask', () => {
  it('accepts the documented example and returns it field for field', () => {
    const result = validateTask(seedTaskBody());
    expect(result).toEqual({ ok: true, value: seedTaskBody().task });
  });

  it.each(['task_url', 'task_title', 'workflow_name', 'current_step_id', 'current_step_name', 'current_step_type', 'completed_at', 'owner_email', 'assignee_email'])(
    'accepts null for the nullable field %s',
    (field) => {
      const result = validateTask(withTask((t) => (t[field] = null)));
      expect(result.ok && result.value[field as 'task_url']).toBeNull();
    },
  );

  it.each(['workflow_id', 'workflow_state_id', 'status', 'created_at', 'updated_at'])('rejects null for the required string %s', (field) => {
    expect(message(validateTask(withTask((t) => (t[field] = null))))).toBe(`task.${field}: expected string, got null`);
  });

  it('names the field and both types when a type is wrong', () => {
    expect(message(validateTask(withTask((t) => (t['status'] = 3))))).toBe('task.status: expected string, got number');
    expect(message(validateTask(withTask((t) => (t['task_id'] = '12345'))))).toBe('task.task_id: expected integer, got string');
    expect(message(validateTask(withTask((t) => (t['task_id'] = 1.5))))).toBe('task.task_id: expected integer, got non-integer number');
    expect(message(validateTask(withTask((t) => (t['workflow_version'] = null))))).toBe('task.workflow_version: expected integer, got null');
    expect(message(validateTask(withTask((t) => (t['task_url'] = 7))))).toBe('task.task_url: expected string or null, got number');
  });

  it('reports a missing field as missing', () => {
    expect(message(validateTask(withTask((t) => delete t['updated_at'])))).toBe('task.updated_at: missing, expected string');
  });

  it('gives the path into nested arrays', () => {
    const bad = withTask((t) => {
      ((t['step_runs'] as Mutable[])[0]!['variables'] as Mutable[])[0]!['step_id'] = 9;
    });
    expect(message(validateTask(bad))).toBe('task.step_runs[0].variables[0].step_id: expected string, got number');
    expect(message(validateTask(withTask((t) => (t['collaborator_emails'] = ['a@example.com', null]))))).toBe(
      'task.collaborator_emails[1]: expected string, got null',
    );
    expect(message(validateTask(withTask((t) => (t['variables'] = {}))))).toBe('task.variables: expected array, got object');
  });

  it('rejects a body that is not { task: {...} }', () => {
    expect(message(validateTask(null))).toBe('(body): expected object, got null');
    expect(message(validateTask([]))).toBe('(body): expected object, got array');
    expect(message(validateTask(seedTaskBody().task))).toBe('task: missing, expected object');
    expect(message(validateTask({ task: 'x' }))).toBe('task: expected object, got string');
  });

  it('keeps unknown statuses and variable types as text', () => {
    const result = validateTask(
      withTask((t) => {
        t['status'] = 'awaiting_signature';
        (t['variables'] as Mutable[])[0]!['variable_type'] = 'signature_block';
      }),
    );
    expect(result.ok && [result.value.status, result.value.variables[0]?.variable_type]).toEqual(['awaiting_signature', 'signature_block']);
  });

  it('drops fields the docs do not list, at every level', () => {
    const result = validateTask(
      withTask((t) => {
        t['internal_score'] = 0.7;
        // As JSON.parse makes it: an own property named __proto__.
        Object.defineProperty(t, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
        (t['step_runs'] as Mutable[])[0]!['debug'] = 'x';
        (t['variables'] as Mutable[])[0]!['raw'] = { secret: 1 };
      }),
    );
    if (!result.ok) throw new Error(result.message);
    expect(Object.keys(result.value)).not.toContain('internal_score');
    expect(Object.hasOwn(result.value, '__proto__')).toBe(false);
    expect(Object.keys(result.value.step_runs[0]!)).not.toContain('debug');
    expect(Object.keys(result.value.variables[0]!)).toEqual(['variable_type', 'value', 'step_id', 'variable_id']);
    expect(({} as Mutable)['polluted']).toBeUndefined();
  });

  it('keeps a "__proto__" key inside a variable value as a key, never as the prototype', () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as unknown;
    const result = validateTask(withTask((t) => ((t['variables'] as Mutable[])[1]!['value'] = value)));
    if (!result.ok) throw new Error(result.message);
    const kept = result.value.variables[1]!.value as Mutable;
    expect(Object.keys(kept)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(kept['polluted']).toBeUndefined();
    expect(JSON.stringify(kept)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });

  it("keeps a variable sent both in its step run and in the task's list once, unless the two differ", () => {
    const body = withTask((t) => {
      const own = (t['variables'] as Mutable[])[1]!;
      own['value'] = { amount: 1, currency: 'EUR' };
      (t['step_runs'] as Mutable[])[0]!['variables'] = [{ ...own, value: { amount: 1, currency: 'EUR' } }, { ...(t['variables'] as Mutable[])[0]!, value: 'other' }];
    });
    const result = validateTask(body);
    if (!result.ok) throw new Error(result.message);
    const [same, differs] = result.value.step_runs[0]!.variables;
    expect(result.value.variables[1]).toBe(same);
    expect(result.value.variables[0]).not.toBe(differs);
    expect(result.value.variables[0]!.value).not.toBe('other');
    // Written out (the state file), it is there twice, as it came.
    expect(JSON.stringify(result.value).split('{"amount":1,"currency":"EUR"}')).toHaveLength(3);
  });

  it("keeps each step run's variable once when the task's list repeats them in their order, and reads the rest", () => {
    const variable = (i: number): Mutable => ({ variable_type: 'text', value: { row: i }, step_id: `step_${i % 3}`, variable_id: `v${i}` });
    const body = withTask((t) => {
      (t['step_runs'] as Mutable[])[0]!['variables'] = [0, 1, 2, 3].map(variable);
      t['variables'] = [0, 1, 2, 3, 4, 5].map(variable);
    });
    const result = validateTask(body);
    if (!result.ok) throw new Error(result.message);
    const fromRun = result.value.step_runs[0]!.variables;
    for (let i = 0; i < 4; i++) expect(result.value.variables[i]).toBe(fromRun[i]);
    expect(result.value.variables.slice(4)).toEqual([variable(4), variable(5)]);
  });

  it('takes any JSON as a variable value, and an absent value as null', () => {
    const values = [null, true, 0, 'x', [1, 'a'], { amount: 150000, currency: 'USD' }, [{ row: 1 }]];
    for (const value of values) {
      const result = validateTask(withTask((t) => ((t['variables'] as Mutable[])[1]!['value'] = value)));
      expect(result.ok && result.value.variables[1]?.value).toEqual(value);
    }
    const absent = validateTask(withTask((t) => delete (t['variables'] as Mutable[])[1]!['value']));
    expect(absent.ok && absent.value.variables[1]?.value).toBeNull();
  });

  it('refuses a value nested deeper than the limit, without overflowing the stack', () => {
    const nest = (depth: number): unknown => {
      let value: unknown = 'leaf';
      for (let i = 0; i < depth; i++) value = [value];
      return value;
    };
    const ok = validateTask(withTask((t) => ((t['variables'] as Mutable[])[0]!['value'] = nest(MAX_VALUE_DEPTH))));
    expect(ok.ok).toBe(true);
    const deep = validateTask(withTask((t) => ((t['variables'] as Mutable[])[0]!['value'] = nest(200_000))));
    expect(message(deep)).toBe(`task.variables[0].value: nested deeper than ${MAX_VALUE_DEPTH} levels`);
  });

  it('does not read documented field names from the prototype', () => {
    const body = seedTaskBody();
    delete body.task['status'];
    const task = Object.create({ status: 'completed' }) as Mutable;
    Object.assign(task, body.task);
    expect(message(validateTask({ task }))).toBe('task.status: missing, expected string');
  });
});

describe('validateOrgInfo', () => {
  it('accepts the documented example', () => {
    expect(validateOrgInfo(seedOrgInfo())).toEqual({ ok: true, value: seedOrgInfo() });
  });

  it('names the field of a wrong type', () => {
    const bad = { ...seedOrgInfo(), rate_limit_per_minute: '120' };
    expect(message(validateOrgInfo(bad))).toBe('rate_limit_per_minute: expected non-negative integer, got string');
    const negative = { ...seedOrgInfo(), rate_limit_per_minute: -1 };
    expect(message(validateOrgInfo(negative))).toBe('rate_limit_per_minute: expected non-negative integer, got negative number');
    const entity = seedOrgInfo();
    (entity['entities'] as Mutable[])[1]!['jurisdiction'] = null;
    expect(message(validateOrgInfo(entity))).toBe('entities[1].jurisdiction: expected string, got null');
  });

  it('drops extra fields', () => {
    const result = validateOrgInfo({ ...seedOrgInfo(), plan: 'enterprise' });
    expect(result.ok && Object.keys(result.value)).toEqual(['org_name', 'rate_limit_per_minute', 'entities', 'api_key_id']);
  });
});
