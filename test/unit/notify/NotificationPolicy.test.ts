import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type QuietHours } from '../../../src-main/core/app/Settings.ts';
import {
  MAX_SEPARATE_NOTIFICATIONS,
  isAssignedToYou,
  isQuietTime,
  planNotifications,
  type NotificationContext,
  type TaskChangeSet,
} from '../../../src-main/core/notify/NotificationPolicy.ts';
import type { TaskChange } from '../../../src-main/core/tasks/TaskChange.ts';
import { makeTask } from '../../support/makeTask.ts';

const ME = 'me@example.com';
const OPEN = { id: 'open', label: 'Open' };
const SNOOZE_DAY = { id: 'snooze-day', label: 'Snooze 1 day' };
const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
const completed: TaskChange = { kind: 'completed', from: 'in_progress' };
const toFailed: TaskChange = { kind: 'status', from: 'pending', to: 'failed' };
const assignedToMe: TaskChange = { kind: 'assignee', change: 'assigned', from: null, to: 'ME@example.com' };
const assignedToOther: TaskChange = { kind: 'assignee', change: 'reassigned', from: ME, to: 'b@x.com' };
const stepMove: TaskChange = {
  kind: 'step',
  from: { id: 's1', name: 'AI Review', type: 'review' },
  to: { id: 's2', name: 'Legal Approval', type: 'approval' },
};

function ctx(overrides: {
  notify?: Partial<NotificationContext['settings']['notify']>;
  quietHours?: Partial<QuietHours>;
  userEmail?: string;
  pausedUntil?: number | null;
  minutes?: number;
}): NotificationContext {
  return {
    settings: {
      notify: { ...DEFAULT_SETTINGS.notify, step: true, ...overrides.notify },
      quietHours: { ...DEFAULT_SETTINGS.quietHours, ...overrides.quietHours },
      userEmail: overrides.userEmail ?? ME,
    },
    // NOW is 09:00 UTC; the minutes wanted are reached by moving "now" within that day, in UTC.
    now: overrides.minutes === undefined ? NOW : NOW + (overrides.minutes - 9 * 60) * 60_000,
    pausedUntil: overrides.pausedUntil ?? null,
    timeZone: 'UTC',
  };
}

function set(id: number, changes: TaskChange[], title: string | null = `Task title ${id}`): TaskChangeSet {
  return { task: makeTask({ task_id: id, task_title: title }), changes };
}

describe('planNotifications: one notification per task', () => {
  it('joins a task’s changes into one body under the task’s title', () => {
    const plan = planNotifications([set(1, [completed, assignedToMe])], ctx({}));
    expect(plan).toEqual({
      notifications: [
        {
          id: `task-1-${NOW}`,
          kind: 'single',
          taskIds: [1],
          title: 'Task title 1',
          body: 'In progress → Completed · Assigned to you',
          assignedToYou: true,
          actions: [OPEN, SNOOZE_DAY],
        },
      ],
      heldBack: 0,
      held: [],
    });
  });

  it('falls back to "Task <id>" when the task has no title', () => {
    expect(planNotifications([set(42, [toFailed], null)], ctx({})).notifications[0]?.title).toBe('Task 42');
    expect(planNotifications([set(43, [toFailed], '   ')], ctx({})).notifications[0]?.title).toBe('Task 43');
  });

  it('merges two change sets of the same task, titled by the newer snapshot', () => {
    const plan = planNotifications([set(1, [toFailed], 'Old'), set(2, [completed]), set(1, [stepMove], 'New')], ctx({}));
    expect(plan.notifications.map((n) => [n.taskIds, n.title, n.body])).toEqual([
      [[1], 'New', 'Pending → Failed · Now at: Legal Approval'],
      [[2], 'Task title 2', 'In progress → Completed'],
    ]);
  });

  it('shows nothing for sets without changes', () => {
    expect(planNotifications([set(1, []), set(2, [])], ctx({}))).toEqual({ notifications: [], heldBack: 0, held: [] });
    expect(planNotifications([], ctx({}))).toEqual({ notifications: [], heldBack: 0, held: [] });
  });

  it('puts tasks assigned to the user first', () => {
    const plan = planNotifications([set(1, [toFailed]), set(2, [assignedToMe]), set(3, [completed])], ctx({}));
    expect(plan.notifications.map((n) => n.taskIds[0])).toEqual([2, 1, 3]);
    expect(plan.notifications.map((n) => n.assignedToYou)).toEqual([true, false, false]);
  });

  it('a finished task offers its signed document and Open; a summary of finished tasks offers Open only', () => {
    const done = (id: number): TaskChangeSet => ({ task: makeTask({ task_id: id, status: 'completed' }), changes: [completed] });
    const [one] = planNotifications([done(1)], ctx({})).notifications;
    expect(one?.actions).toEqual([{ id: 'open-signed-document', label: 'Open signed document' }, OPEN]);
    const [summary] = planNotifications([1, 2, 3, 4].map(done), ctx({})).notifications;
    expect(summary).toMatchObject({ kind: 'summary', actions: [OPEN] });
  });
});

describe('planNotifications: toggles', () => {
  it.each([
    ['status', toFailed],
    ['completed', completed],
    ['assignee', assignedToOther],
    ['step', stepMove],
  ] as const)('the %s toggle decides its own kind only', (kind, change) => {
    expect(planNotifications([set(1, [change])], ctx({ notify: { [kind]: false } })).notifications).toEqual([]);
    expect(planNotifications([set(1, [change])], ctx({ notify: { [kind]: true } })).notifications).toHaveLength(1);
    const others = { status: false, completed: false, assignee: false, step: false, assignedToYou: false, [kind]: true };
    expect(planNotifications([set(1, [change])], ctx({ notify: others })).notifications).toHaveLength(1);
  });

  it('leaves disabled kinds out of the body', () => {
    const plan = planNotifications([set(1, [toFailed, stepMove])], ctx({ notify: { step: false } }));
    expect(plan.notifications[0]?.body).toBe('Pending → Failed');
  });

  it('"assigned to you" wins over the assignee toggle, in both directions', () => {
    const onlyMine = ctx({ notify: { assignee: false, assignedToYou: true } });
    expect(planNotifications([set(1, [assignedToMe])], onlyMine).notifications).toHaveLength(1);
    expect(planNotifications([set(1, [assignedToOther])], onlyMine).notifications).toEqual([]);
    const notMine = ctx({ notify: { assignee: true, assignedToYou: false } });
    expect(planNotifications([set(1, [assignedToMe])], notMine).notifications).toEqual([]);
    expect(planNotifications([set(1, [assignedToOther])], notMine).notifications).toHaveLength(1);
  });

  it('does not treat anyone as the user when the user email is unknown', () => {
    const plan = planNotifications([set(1, [assignedToMe])], ctx({ userEmail: '', notify: { assignee: false } }));
    expect(plan.notifications).toEqual([]);
  });
});

describe('planNotifications: bursts', () => {
  const sets = (n: number) => Array.from({ length: n }, (_, i) => set(i + 1, [toFailed]));

  it(`shows up to ${MAX_SEPARATE_NOTIFICATIONS} separately`, () => {
    const plan = planNotifications(sets(MAX_SEPARATE_NOTIFICATIONS), ctx({}));
    expect(plan.notifications.map((n) => n.kind)).toEqual(['single', 'single', 'single']);
  });

  it('coalesces more into one summary', () => {
    const plan = planNotifications(sets(5), ctx({}));
    expect(plan).toEqual({
      notifications: [
        {
          id: `summary-${NOW}`,
          kind: 'summary',
          taskIds: [1, 2, 3, 4, 5],
          title: '5 tasks changed',
          body: 'Task title 1, Task title 2, Task title 3 and 2 more',
          assignedToYou: false,
          actions: [OPEN],
        },
      ],
      heldBack: 0,
      held: [],
    });
  });

  it('names tasks assigned to the user first in a summary', () => {
    const plan = planNotifications([...sets(3), set(9, [assignedToMe], null)], ctx({}));
    expect(plan.notifications).toEqual([
      {
        id: `summary-${NOW}`,
        kind: 'summary',
        taskIds: [9, 1, 2, 3],
        title: '4 tasks changed · 1 assigned to you',
        body: 'Task 9, Task title 1, Task title 2 and 1 more',
        assignedToYou: true,
        actions: [OPEN],
      },
    ]);
  });

  it('shortens long titles in a summary body', () => {
    const long = 'x'.repeat(500);
    const plan = planNotifications([set(1, [toFailed], long), ...sets(4).slice(1)], ctx({}));
    expect(plan.notifications[0]?.body.length).toBeLessThan(150);
  });
});

describe('planNotifications: quiet hours and pause', () => {
  const burst = [set(1, [completed, assignedToMe]), set(2, [toFailed])];

  it('holds back everything during quiet hours and counts the changes', () => {
    const quiet = ctx({ quietHours: { enabled: true, start: '22:00', end: '07:00' }, minutes: 23 * 60 });
    expect(planNotifications(burst, quiet)).toEqual({ notifications: [], heldBack: 3, held: burst });
  });

  it('shows everything outside quiet hours', () => {
    const day = ctx({ quietHours: { enabled: true, start: '22:00', end: '07:00' }, minutes: 7 * 60 });
    expect(planNotifications(burst, day).notifications).toHaveLength(2);
  });

  it('ignores a disabled quiet window', () => {
    const off = ctx({ quietHours: { enabled: false, start: '00:00', end: '23:59' }, minutes: 60 });
    expect(planNotifications(burst, off).heldBack).toBe(0);
  });

  it('holds back while paused, and shows again once the pause has ended', () => {
    expect(planNotifications(burst, ctx({ pausedUntil: NOW + 1 }))).toEqual({ notifications: [], heldBack: 3, held: burst });
    expect(planNotifications(burst, ctx({ pausedUntil: NOW })).notifications).toHaveLength(2);
    expect(planNotifications(burst, ctx({ pausedUntil: NOW - 60_000 })).notifications).toHaveLength(2);
  });

  it('counts only changes that would have been shown', () => {
    const plan = planNotifications(burst, ctx({ pausedUntil: NOW + 1, notify: { status: false } }));
    expect(plan.heldBack).toBe(2);
  });

  it('reads the local time of day in the injected time zone', () => {
    // 09:00 UTC is 10:00 in Berlin (winter) and 04:00 in New York.
    const context = { ...ctx({ quietHours: { enabled: true, start: '09:30', end: '10:30' }, minutes: 9 * 60 }) };
    expect(planNotifications(burst, { ...context, timeZone: 'Europe/Berlin' }).heldBack).toBe(3);
    expect(planNotifications(burst, { ...context, timeZone: 'America/New_York' }).heldBack).toBe(0);
  });
});

describe('isQuietTime', () => {
  const window = (start: string, end: string, enabled = true): QuietHours => ({ enabled, start, end });
  const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

  it.each([
    ['22:00', '07:00', '21:59', false],
    ['22:00', '07:00', '22:00', true],
    ['22:00', '07:00', '00:00', true],
    ['22:00', '07:00', '06:59', true],
    ['22:00', '07:00', '07:00', false],
    ['09:00', '17:30', '08:59', false],
    ['09:00', '17:30', '09:00', true],
    ['09:00', '17:30', '17:29', true],
    ['09:00', '17:30', '17:30', false],
    ['00:00', '24:00', '12:00', false],
    ['23:00', '00:00', '23:30', true],
    ['23:00', '00:00', '00:00', false],
    ['7:00', '9:00', '08:00', true],
  ])('%s–%s at %s → %s', (start, end, time, quiet) => {
    expect(isQuietTime(window(start, end), at(time))).toBe(quiet);
  });

  it('is off when start equals end, when disabled, or when a time cannot be read', () => {
    expect(isQuietTime(window('22:00', '22:00'), at('22:00'))).toBe(false);
    expect(isQuietTime(window('22:00', '07:00', false), at('23:00'))).toBe(false);
    expect(isQuietTime(window('25:00', '07:00'), at('03:00'))).toBe(false);
    expect(isQuietTime(window('22:00', '7am'), at('23:00'))).toBe(false);
    expect(isQuietTime(window('22:00', '07:60'), at('23:00'))).toBe(false);
  });

  it('wraps minutes outside one day', () => {
    expect(isQuietTime(window('22:00', '07:00'), 24 * 60 + 30)).toBe(true);
    expect(isQuietTime(window('22:00', '07:00'), -30)).toBe(true);
    expect(isQuietTime(window('22:00', '07:00'), Number.NaN)).toBe(false);
  });
});

describe('isAssignedToYou', () => {
  it('is true only for an assignee change that makes the user the assignee', () => {
    expect(isAssignedToYou(assignedToMe, ' Me@Example.COM ')).toBe(true);
    expect(isAssignedToYou({ ...assignedToOther, from: 'a@x', to: ME, change: 'reassigned' }, ME)).toBe(true);
    expect(isAssignedToYou(assignedToOther, ME)).toBe(false);
    expect(isAssignedToYou({ kind: 'assignee', change: 'unassigned', from: ME, to: null }, ME)).toBe(false);
    expect(isAssignedToYou(assignedToMe, '')).toBe(false);
    expect(isAssignedToYou(completed, ME)).toBe(false);
  });
});
