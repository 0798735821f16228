import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type QuietHours } from '../../../src-main/core/app/Settings.ts';
import { intentOf } from '../../../src-main/core/notify/notificationActions.ts';
import { planNotifications, PRIVATE_BODY, type NotificationContext, type TaskChangeSet } from '../../../src-main/core/notify/NotificationPolicy.ts';
import { levelAllows, type NotificationLevel } from '../../../src-main/core/notify/taskNotificationLevel.ts';
import type { TaskChange } from '../../../src-main/core/tasks/TaskChange.ts';
import { makeTask } from '../../support/makeTask.ts';

const ME = 'me@example.com';
const toPending: TaskChange = { kind: 'status', from: 'in_progress', to: 'pending' };
const toFailed: TaskChange = { kind: 'status', from: 'in_progress', to: 'failed' };
const completed: TaskChange = { kind: 'completed', from: 'in_progress' };
const stepMove: TaskChange = { kind: 'step', from: { id: 'a', name: 'A', type: 'review' }, to: { id: 'b', name: 'B', type: 'review' } };
const assignedToMe: TaskChange = { kind: 'assignee', change: 'reassigned', from: 'x@example.com', to: ME };

function set(id: number, changes: TaskChange[], task: Parameters<typeof makeTask>[0] = {}): TaskChangeSet {
  return { task: makeTask({ task_id: id, task_title: `Lease ${id}`, ...task }), changes };
}

function ctx(over: Partial<NotificationContext> & { quietHours?: Partial<QuietHours>; privateNotifications?: boolean } = {}): NotificationContext {
  const { quietHours, privateNotifications, ...rest } = over;
  return {
    settings: {
      notify: DEFAULT_SETTINGS.notify,
      quietHours: { ...DEFAULT_SETTINGS.quietHours, ...quietHours },
      userEmail: ME,
      privateNotifications: privateNotifications ?? false,
    },
    now: Date.UTC(2026, 11, 2, 12, 0), // Wednesday noon, UTC
    pausedUntil: null,
    timeZone: 'UTC',
    ...rest,
  };
}

describe('per-task notification level', () => {
  it.each<[NotificationLevel, TaskChange, boolean, boolean]>([
    ['global', stepMove, false, false],
    ['global', toPending, true, true],
    ['every', stepMove, false, true],
    ['finished', toPending, true, false],
    ['finished', completed, true, true],
    ['finished', toFailed, true, true],
    ['never', completed, true, false],
    ['never', assignedToMe, true, false],
  ])('%s lets %j through: %s globally → %s', (level, change, globally, expected) => {
    expect(levelAllows(level, change, () => globally)).toBe(expected);
  });

  it('a muted task beside a normal one in one cycle: only the normal one speaks', () => {
    const levels: Record<number, NotificationLevel> = { 1: 'never', 2: 'global', 3: 'finished' };
    const plan = planNotifications([set(1, [toPending]), set(2, [toPending]), set(3, [toPending, stepMove])], ctx({ levelOf: (id) => levels[id]! }));
    expect(plan.notifications.map((n) => n.taskIds)).toEqual([[2]]);
    expect(plan.heldBack).toBe(0);
  });

  it('"every change" speaks for a kind that is off globally', () => {
    const plan = planNotifications([set(1, [stepMove])], ctx({ levelOf: () => 'every' }));
    expect(plan.notifications).toHaveLength(1);
    expect(plan.notifications[0]?.body).toBe('Now at: B');
  });

  it('a snoozed task says nothing, and is not held back for later either', () => {
    const plan = planNotifications([set(1, [toPending]), set(2, [toPending])], ctx({ isSnoozed: (id) => id === 1 }));
    expect(plan.notifications.map((n) => n.taskIds)).toEqual([[2]]);
    expect(plan.held).toEqual([]);
  });
});

describe('quiet hours by weekday', () => {
  const weeknights: Partial<QuietHours> = { enabled: true, start: '22:00', end: '07:00', days: [1, 2, 3, 4, 5] };
  const at = (iso: string) => ({ now: Date.parse(iso) });

  it('on a weekend: Friday night is quiet into Saturday morning, Saturday night is not', () => {
    const sets = [set(1, [toPending])];
    expect(planNotifications(sets, ctx({ quietHours: weeknights, ...at('2026-12-05T02:00:00Z') })).heldBack).toBe(1); // Sat 02:00, Friday's night
    expect(planNotifications(sets, ctx({ quietHours: weeknights, ...at('2026-12-05T23:00:00Z') })).notifications).toHaveLength(1); // Sat 23:00
    expect(planNotifications(sets, ctx({ quietHours: weeknights, ...at('2026-12-06T03:00:00Z') })).notifications).toHaveLength(1); // Sun 03:00
    expect(planNotifications(sets, ctx({ quietHours: weeknights, ...at('2026-12-06T23:00:00Z') })).heldBack).toBe(0); // Sun 23:00: Sunday is off
    expect(planNotifications(sets, ctx({ quietHours: weeknights, ...at('2026-12-07T23:00:00Z') })).heldBack).toBe(1); // Mon 23:00
  });

  it('a weekend-only daytime window is quiet on Saturday and not on Monday', () => {
    const weekend: Partial<QuietHours> = { enabled: true, start: '08:00', end: '20:00', days: [0, 6] };
    const sets = [set(1, [toPending])];
    expect(planNotifications(sets, ctx({ quietHours: weekend, ...at('2026-12-05T12:00:00Z') })).heldBack).toBe(1);
    expect(planNotifications(sets, ctx({ quietHours: weekend, ...at('2026-12-07T12:00:00Z') })).heldBack).toBe(0);
  });

  it('the weekday is the user’s: 23:00 Friday in New York is already Saturday in UTC', () => {
    const fridayNight = ctx({ quietHours: weeknights, now: Date.parse('2026-12-05T04:00:00Z') }); // Fri 23:00 New York
    expect(planNotifications([set(1, [toPending])], { ...fridayNight, timeZone: 'America/New_York' }).heldBack).toBe(1);
  });

  it('lets "assigned to you" and approvals waiting on you through when asked to, and holds the rest', () => {
    const quiet = { ...weeknights, days: [0, 1, 2, 3, 4, 5, 6], letNeedsYouThrough: true };
    const night = ctx({ quietHours: quiet, now: Date.parse('2026-12-02T23:00:00Z') });
    const approval = set(2, [stepMove], { current_step_type: 'approval', assignee_email: ME });
    const plan = planNotifications([set(1, [assignedToMe]), approval, set(3, [toPending])], { ...night, levelOf: () => 'every' });
    expect(plan.notifications.map((n) => n.taskIds)).toEqual([[1], [2]]);
    expect(plan.held.map((s) => s.task.task_id)).toEqual([3]);
    const strict = planNotifications([set(1, [assignedToMe])], ctx({ quietHours: { ...quiet, letNeedsYouThrough: false }, now: night.now }));
    expect(strict.heldBack).toBe(1);
  });

  it('a pause holds back even what needs you', () => {
    const paused = ctx({ pausedUntil: Date.UTC(2027, 0, 1), quietHours: { letNeedsYouThrough: true } });
    expect(planNotifications([set(1, [assignedToMe])], paused).heldBack).toBe(1);
  });
});

describe('privacy', () => {
  it('keeps titles and people out of a single notification and a summary', () => {
    const hidden = ctx({ privateNotifications: true });
    const one = planNotifications([set(12345, [assignedToMe])], hidden).notifications[0]!;
    expect(one).toMatchObject({ title: 'Task 12345', body: PRIVATE_BODY, assignedToYou: true });
    const burst = planNotifications([1, 2, 3, 4].map((id) => set(id, [toPending])), hidden).notifications[0]!;
    expect(burst.title).toBe('4 tasks changed');
    expect(burst.body).toBe('Task 1, Task 2, Task 3 and 1 more');
    expect(JSON.stringify([one, burst])).not.toMatch(/Lease|x@example\.com|me@example/);
  });
});

describe('notification actions', () => {
  it('offers Open and Snooze 1 day, and Review first for an approval waiting on you', () => {
    const plain = planNotifications([set(1, [toPending])], ctx()).notifications[0]!;
    expect((plain.actions ?? []).map((a) => a.label)).toEqual(['Open', 'Snooze 1 day']);
    const approval = set(2, [stepMove], { current_step_type: 'approval', assignee_email: ME });
    const review = planNotifications([approval], ctx({ levelOf: () => 'every' })).notifications[0]!;
    expect((review.actions ?? []).map((a) => a.id)).toEqual(['review', 'open', 'snooze-day']);
    const someoneElses = set(3, [stepMove], { current_step_type: 'approval', assignee_email: 'x@example.com' });
    expect(planNotifications([someoneElses], ctx({ levelOf: () => 'every' })).notifications[0]?.actions?.map((a) => a.id)).toEqual(['open', 'snooze-day']);
  });

  it('offers Review to an approver now who is not the assignee, when the engine knows the approvers', () => {
    const approval = set(4, [stepMove], { current_step_type: 'approval', assignee_email: 'x@example.com' });
    const approversNow = (task: { task_id: number }) => (task.task_id === 4 ? ['x@example.com', ME] : null);
    const planned = planNotifications([approval], ctx({ levelOf: () => 'every', approversNow })).notifications[0]!;
    expect(planned.actions?.map((a) => a.id)).toEqual(['review', 'open', 'snooze-day']);
    const notListed = planNotifications([approval], ctx({ levelOf: () => 'every', approversNow: () => ['x@example.com'] })).notifications[0]!;
    expect(notListed.actions?.map((a) => a.id)).toEqual(['open', 'snooze-day']);
  });

  it('quiet hours let an approval waiting on an approver now through', () => {
    const approval = set(5, [stepMove], { current_step_type: 'approval', assignee_email: 'x@example.com' });
    const quiet = { enabled: true, start: '00:00', end: '23:59', letNeedsYouThrough: true };
    expect(planNotifications([approval], ctx({ levelOf: () => 'every', quietHours: quiet })).notifications).toHaveLength(0);
    expect(planNotifications([approval], ctx({ levelOf: () => 'every', quietHours: quiet, approversNow: () => [ME] })).notifications).toHaveLength(1);
  });

  it('a click opens the popover at the task or the task in Chamelio, as the setting says', () => {
    expect(intentOf({ actionId: null, taskIds: [7] }, 'popover')).toEqual({ kind: 'show-task', taskId: 7, focus: null });
    expect(intentOf({ actionId: 'open', taskIds: [7] }, 'chamelio')).toEqual({ kind: 'open-task-in-chamelio', taskId: 7 });
    expect(intentOf({ actionId: null, taskIds: [1, 2] }, 'chamelio')).toEqual({ kind: 'show-list' });
    expect(intentOf({ actionId: 'review', taskIds: [7] }, 'chamelio')).toEqual({ kind: 'show-task', taskId: 7, focus: 'approval' });
    expect(intentOf({ actionId: 'snooze-day', taskIds: [7] }, 'popover')).toEqual({ kind: 'nothing' });
    expect(intentOf({ actionId: 'open-signed-document', taskIds: [7] }, 'chamelio')).toEqual({ kind: 'open-signed-document', taskId: 7 });
    expect(intentOf({ actionId: 'open-signed-document', taskIds: [7, 8] }, 'popover')).toEqual({ kind: 'show-list' });
  });
});
