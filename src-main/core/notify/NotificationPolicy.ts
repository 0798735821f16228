import type { Task } from '../chamelio/Task.ts';
import type { QuietHours, Settings } from '../app/Settings.ts';
import type { TaskChange } from '../tasks/TaskChange.ts';
import { describeChange, isUserEmail } from './describeChange.ts';
import type { PlannedNotification } from './PlannedNotification.ts';
import { displayTitle } from '../tasks/displayTitle.ts';
import { truncate } from '../base/truncate.ts';

export interface TaskChangeSet {
  task: Task;
  changes: TaskChange[];
}

export interface NotificationContext {
  settings: Pick<Settings, 'notify' | 'quietHours' | 'userEmail'>;
  /** ms since epoch */
  now: number;
  /** Notifications paused by the user until then. */
  pausedUntil: number | null;
  /** Local time of day in minutes; injectable because tests must not depend on the machine's zone. */
  minutesOfDay?: (now: number) => number;
}

export interface NotificationPlan {
  /** What to show now. */
  notifications: PlannedNotification[];
  /** Changes not shown because of quiet hours or pause (history still records them). */
  heldBack: number;
}

/** More notifications than this in one cycle become a single summary: a burst must not bury the desktop. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;
/** Titles named in a summary's body. */
const SUMMARY_TITLES = 3;
const SUMMARY_TITLE_LENGTH = 60;
const MINUTES_PER_DAY = 24 * 60;

/** Decides which of this cycle's changes are shown, and how: one per task, or one summary for a burst. */
export function planNotifications(sets: TaskChangeSet[], ctx: NotificationContext): NotificationPlan {
  const { settings } = ctx;
  const wanted = byTask(sets)
    .map(({ task, changes }) => ({ task, changes: changes.filter((c) => wantsNotification(c, settings)) }))
    .filter(({ changes }) => changes.length > 0);
  const changeCount = wanted.reduce((n, { changes }) => n + changes.length, 0);
  if (changeCount === 0) return { notifications: [], heldBack: 0 };

  const paused = ctx.pausedUntil !== null && ctx.pausedUntil > ctx.now;
  if (paused || isQuietTime(settings.quietHours, (ctx.minutesOfDay ?? localMinutesOfDay)(ctx.now))) {
    return { notifications: [], heldBack: changeCount };
  }

  const singles = wanted.map(({ task, changes }) => single(task, changes, settings.userEmail, ctx.now));
  // Stable sort: what needs the user comes first, the rest keeps the order the monitor saw it.
  singles.sort((a, b) => Number(b.assignedToYou) - Number(a.assignedToYou));
  if (singles.length <= MAX_SEPARATE_NOTIFICATIONS) return { notifications: singles, heldBack: 0 };
  return { notifications: [summary(singles, ctx.now)], heldBack: 0 };
}

/** True when the change makes the user (a known, non-empty email) the task's assignee. */
export function isAssignedToYou(change: TaskChange, userEmail: string): boolean {
  return change.kind === 'assignee' && change.to !== null && isUserEmail(change.to, userEmail);
}

/**
 * Whether `minutesOfDay` (local) falls in the quiet window [start, end). The window may cross
 * midnight; start == end, a disabled window or an unreadable time means no quiet time, because
 * silently swallowing notifications is worse than showing one too many.
 */
export function isQuietTime(quietHours: QuietHours, minutesOfDay: number): boolean {
  if (!quietHours.enabled) return false;
  const start = parseClockTime(quietHours.start);
  const end = parseClockTime(quietHours.end);
  if (start === null || end === null || start === end || !Number.isFinite(minutesOfDay)) return false;
  const m = ((Math.floor(minutesOfDay) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

function wantsNotification(change: TaskChange, settings: NotificationContext['settings']): boolean {
  // The specific toggle wins over the general one, in both directions.
  if (isAssignedToYou(change, settings.userEmail)) return settings.notify.assignedToYou;
  return settings.notify[change.kind];
}

/** One entry per task, in first-seen order, with the newest snapshot (a task may be polled twice in a cycle). */
function byTask(sets: TaskChangeSet[]): TaskChangeSet[] {
  const merged = new Map<number, TaskChangeSet>();
  for (const { task, changes } of sets) {
    const seen = merged.get(task.task_id);
    merged.set(task.task_id, { task, changes: seen ? [...seen.changes, ...changes] : [...changes] });
  }
  return [...merged.values()];
}

function single(task: Task, changes: TaskChange[], userEmail: string, now: number): PlannedNotification {
  return {
    id: `task-${task.task_id}-${now}`,
    kind: 'single',
    taskIds: [task.task_id],
    title: taskTitle(task),
    body: changes.map((c) => describeChange(c, userEmail)).join(' · '),
    assignedToYou: changes.some((c) => isAssignedToYou(c, userEmail)),
  };
}

function summary(singles: PlannedNotification[], now: number): PlannedNotification {
  const forYou = singles.filter((n) => n.assignedToYou).length;
  const named = singles.slice(0, SUMMARY_TITLES).map((n) => truncate(n.title, SUMMARY_TITLE_LENGTH)).join(', ');
  const more = singles.length - SUMMARY_TITLES;
  return {
    id: `summary-${now}`,
    kind: 'summary',
    taskIds: singles.flatMap((n) => n.taskIds),
    title: `${singles.length} tasks changed${forYou > 0 ? ` · ${forYou} assigned to you` : ''}`,
    body: more > 0 ? `${named} and ${more} more` : named,
    assignedToYou: forYou > 0,
  };
}

export function taskTitle(task: Pick<Task, 'task_id' | 'task_title'>): string {
  return displayTitle(task.task_id, task.task_title);
}


/** "HH:MM" (24-hour) → minutes since midnight; "24:00" is midnight at the end of the day. */
function parseClockTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(String(text).trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return (hours * 60 + minutes) % MINUTES_PER_DAY;
}

function localMinutesOfDay(now: number): number {
  const local = new Date(now);
  return local.getHours() * 60 + local.getMinutes();
}
