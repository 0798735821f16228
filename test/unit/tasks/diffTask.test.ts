import { describe, expect, it } from 'vitest';
import { TASK_STATUSES, isTerminalStatus, type Task } from '../../../src-main/core/chamelio/Task.ts';
import { diffTask } from '../../../src-main/core/tasks/diffTask.ts';
import { makeTask } from '../../support/makeTask.ts';

const pairs = TASK_STATUSES.flatMap((from) => TASK_STATUSES.map((to) => [from, to] as const));

describe('diffTask: status', () => {
  it('covers all 49 ordered pairs of the documented statuses', () => {
    expect(pairs).toHaveLength(49);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const changes = diffTask(makeTask({ status: from }), makeTask({ status: to }));
    if (from === to) expect(changes).toEqual([]);
    else if (to === 'completed') expect(changes).toEqual([{ kind: 'completed', from }]);
    else expect(changes).toEqual([{ kind: 'status', from, to }]);
  });

  it('reports a status the docs do not list as a plain status change', () => {
    expect(diffTask(makeTask({ status: 'in_progress' }), makeTask({ status: 'on_hold' }))).toEqual([
      { kind: 'status', from: 'in_progress', to: 'on_hold' },
    ]);
  });

  it('reports nothing for identical snapshots, even when other fields moved', () => {
    const prev = makeTask();
    expect(diffTask(prev, { ...prev })).toEqual([]);
    expect(diffTask(prev, makeTask({ updated_at: '2025-01-21T00:00:00Z', task_title: 'Renamed', variables: [] }))).toEqual([]);
  });
});

describe('diffTask: assignee', () => {
  const withAssignee = (assignee_email: string | null): Task => makeTask({ assignee_email });

  it.each([
    [null, 'a@x.com', { change: 'assigned', from: null, to: 'a@x.com' }],
    ['a@x.com', 'b@x.com', { change: 'reassigned', from: 'a@x.com', to: 'b@x.com' }],
    ['a@x.com', null, { change: 'unassigned', from: 'a@x.com', to: null }],
    ['', 'a@x.com', { change: 'assigned', from: null, to: 'a@x.com' }],
    ['a@x.com', '   ', { change: 'unassigned', from: 'a@x.com', to: null }],
    [' b@x.com ', 'a@x.com', { change: 'reassigned', from: 'b@x.com', to: 'a@x.com' }],
  ] as const)('%j → %j', (from, to, expected) => {
    expect(diffTask(withAssignee(from), withAssignee(to))).toEqual([{ kind: 'assignee', ...expected }]);
  });

  it.each([
    ['A@x.com', 'a@x.com'],
    ['a@x.com', ' a@X.COM '],
    [null, null],
    [null, ''],
    ['', '  '],
  ])('%j → %j is no change', (from, to) => {
    expect(diffTask(withAssignee(from), withAssignee(to))).toEqual([]);
  });
});

describe('diffTask: step', () => {
  const step = (id: string | null, name: string | null, type: string | null = 'approval') => ({
    current_step_id: id,
    current_step_name: name,
    current_step_type: type,
  });

  it('reports a move to another step while the task is running', () => {
    const prev = makeTask(step('review_step', 'AI Review', 'review'));
    const next = makeTask(step('legal_step', 'Legal Approval'));
    expect(diffTask(prev, next)).toEqual([
      {
        kind: 'step',
        from: { id: 'review_step', name: 'AI Review', type: 'review' },
        to: { id: 'legal_step', name: 'Legal Approval', type: 'approval' },
      },
    ]);
  });

  it('reports the first step of a task that had none', () => {
    const changes = diffTask(makeTask({ status: 'created', ...step(null, null, null) }), makeTask({ status: 'created', ...step('intake', 'Intake') }));
    expect(changes).toEqual([{ kind: 'step', from: { id: null, name: null, type: null }, to: { id: 'intake', name: 'Intake', type: 'approval' } }]);
  });

  it('ignores a renamed step with the same id, and a step cleared to null', () => {
    expect(diffTask(makeTask(step('s1', 'Old name')), makeTask(step('s1', 'New name')))).toEqual([]);
    expect(diffTask(makeTask(step('s1', 'A')), makeTask(step(null, null, null)))).toEqual([]);
  });

  it.each(TASK_STATUSES.filter(isTerminalStatus))('is not reported when the task became %s', (status) => {
    const changes = diffTask(makeTask(step('s1', 'A')), makeTask({ status, ...step('s2', 'B') }));
    expect(changes.map((c) => c.kind)).not.toContain('step');
    expect(changes).toHaveLength(1);
  });

  it.each(['created', 'pending', 'in_progress', 'waiting_for_signature'])('is reported while the task is %s', (status) => {
    const changes = diffTask(makeTask({ status, ...step('s1', 'A') }), makeTask({ status, ...step('s2', 'B') }));
    expect(changes.map((c) => c.kind)).toEqual(['step']);
  });
});

describe('diffTask: several changes at once', () => {
  it('orders them status, assignee, step', () => {
    const prev = makeTask({ status: 'pending', assignee_email: null, current_step_id: 's1' });
    const next = makeTask({ status: 'in_progress', assignee_email: 'me@x.com', current_step_id: 's2' });
    expect(diffTask(prev, next).map((c) => c.kind)).toEqual(['status', 'assignee', 'step']);
  });

  it('reports completion and the assignee together, but not the last step', () => {
    const prev = makeTask({ status: 'in_progress', assignee_email: 'a@x.com', current_step_id: 's1' });
    const next = makeTask({ status: 'completed', assignee_email: null, current_step_id: 's9' });
    expect(diffTask(prev, next)).toEqual([
      { kind: 'completed', from: 'in_progress' },
      { kind: 'assignee', change: 'unassigned', from: 'a@x.com', to: null },
    ]);
  });

  it('does not modify its inputs', () => {
    const prev = makeTask({ status: 'pending' });
    const next = makeTask({ status: 'failed', assignee_email: null });
    const before = JSON.stringify([prev, next]);
    diffTask(prev, next);
    expect(JSON.stringify([prev, next])).toBe(before);
  });
});
