import { describe, expect, it } from 'vitest';
import { TASK_STATUSES } from '../../../src-main/core/chamelio/Task.ts';
import { describeChange, isUserEmail, statusLabel } from '../../../src-main/core/notify/describeChange.ts';
import type { TaskChange } from '../../../src-main/core/tasks/TaskChange.ts';

const ME = 'Me@Example.com';

describe('statusLabel', () => {
  it.each([
    ['created', 'Created'],
    ['pending', 'Pending'],
    ['in_progress', 'In progress'],
    ['completed', 'Completed'],
    ['cancelled', 'Cancelled'],
    ['failed', 'Failed'],
    ['archived', 'Archived'],
  ])('%s → %s', (status, label) => {
    expect(statusLabel(status)).toBe(label);
  });

  it('has a label for every documented status', () => {
    expect(TASK_STATUSES.map(statusLabel).every((l) => /^[A-Z][a-z ]+$/.test(l))).toBe(true);
  });

  it.each([
    ['on_hold', 'On hold'],
    ['WAITING_FOR_SIGNATURE', 'Waiting for signature'],
    ['needsReview', 'Needs review'],
    ['  in-review  ', 'In review'],
    ['', 'Unknown'],
    ['___', 'Unknown'],
    ['toString', 'To string'],
  ])('humanises unknown status %j → %s', (status, label) => {
    expect(statusLabel(status)).toBe(label);
  });
});

describe('describeChange', () => {
  it.each<[TaskChange, string]>([
    [{ kind: 'status', from: 'in_progress', to: 'failed' }, 'In progress → Failed'],
    [{ kind: 'status', from: 'created', to: 'on_hold' }, 'Created → On hold'],
    [{ kind: 'completed', from: 'in_progress' }, 'In progress → Completed'],
    [{ kind: 'completed', from: '' }, 'Completed'],
    [{ kind: 'assignee', change: 'assigned', from: null, to: 'me@example.com' }, 'Assigned to you'],
    [{ kind: 'assignee', change: 'assigned', from: null, to: ' ME@EXAMPLE.COM ' }, 'Assigned to you'],
    [{ kind: 'assignee', change: 'assigned', from: null, to: 'legal@example.com' }, 'Assigned to legal@example.com'],
    [{ kind: 'assignee', change: 'reassigned', from: 'a@x', to: 'me@example.com' }, 'Reassigned from a@x to you'],
    [{ kind: 'assignee', change: 'reassigned', from: 'me@example.com', to: 'b@x' }, 'Reassigned from you to b@x'],
    [{ kind: 'assignee', change: 'reassigned', from: 'a@x', to: 'b@x' }, 'Reassigned from a@x to b@x'],
    [{ kind: 'assignee', change: 'unassigned', from: 'a@x', to: null }, 'Unassigned'],
    [
      { kind: 'step', from: { id: 's1', name: 'AI Review', type: 'review' }, to: { id: 's2', name: 'Legal Approval', type: 'approval' } },
      'Now at: Legal Approval',
    ],
    [{ kind: 'step', from: { id: null, name: null, type: null }, to: { id: 'sign_step', name: '  ', type: null } }, 'Now at: sign_step'],
  ])('%j → %s', (change, text) => {
    expect(describeChange(change, ME)).toBe(text);
  });

  it('never calls anyone "you" when the user is unknown', () => {
    const change: TaskChange = { kind: 'assignee', change: 'assigned', from: null, to: '' };
    expect(describeChange(change, '')).toBe('Assigned to nobody');
    expect(describeChange({ ...change, to: 'a@x' }, '  ')).toBe('Assigned to a@x');
  });
});

describe('isUserEmail', () => {
  it('compares trimmed and case-insensitively, and an empty user matches nobody', () => {
    expect(isUserEmail(' me@EXAMPLE.com', ME)).toBe(true);
    expect(isUserEmail('you@example.com', ME)).toBe(false);
    expect(isUserEmail('', '')).toBe(false);
    expect(isUserEmail(null, '')).toBe(false);
  });
});
