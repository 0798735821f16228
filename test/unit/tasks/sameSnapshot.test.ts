import { describe, expect, it } from 'vitest';
import { sameJson, sameSnapshot } from '../../../src-main/core/tasks/sameSnapshot.ts';
import { makeTask } from '../../support/makeTask.ts';

describe('sameSnapshot', () => {
  const variable = { variable_type: 'multi_select', value: { picked: ['gdpr', 'ccpa'], note: null }, step_id: 's1', variable_id: 'v1' };

  it('finds equal data equal, whatever the key order', () => {
    const task = makeTask({ variables: [variable] });
    const reordered = Object.fromEntries(Object.entries(structuredClone(task)).reverse()) as typeof task;
    expect(sameSnapshot(task, reordered)).toBe(true);
  });

  it.each([
    ['status', { status: 'completed' }],
    ['assignee', { assignee_email: 'other@example.com' }],
    ['a collaborator', { collaborator_emails: ['contracts@example.com', 'more@example.com'] }],
    ['a nested value', { variables: [{ ...variable, value: { picked: ['gdpr'], note: null } }] }],
    ['null against an object', { variables: [{ ...variable, value: null }] }],
  ])('tells a change of %s', (_, patch) => {
    expect(sameSnapshot(makeTask({ variables: [variable] }), makeTask({ variables: [variable], ...patch }))).toBe(false);
  });

  it('tells arrays from objects, and a missing key from a present one', () => {
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameJson(0, null)).toBe(false);
  });
});
