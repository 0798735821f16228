import type { Task } from '../chamelio/Task.ts';
import type { ApproversNow } from '../app/EligibleApprovers.ts';
import { localMoment, systemTimeZone } from '../app/localTime.ts';
import type { QuietHours, Settings } from '../app/Settings.ts';
import type { TaskChange } from '../tasks/TaskChange.ts';
import { describeChange, isUserEmail } from './describeChange.ts';
import { actionsFor, isApprovalWaitingOn, situationOf } from './notificationActions.ts';
import type { PlannedNotification } from './PlannedNotification.ts';
import { displayTitle } from '../tasks/displayTitle.ts';
import { levelAllows, type NotificationLevel } from './taskNotificationLevel.ts';
import { truncate } from '../base/truncate.ts';

export interface TaskChangeSet {
  task: Task;
  changes: TaskChange[];
}

export interface NotificationContext {
  settings: Pick<Settings, 'notify' | 'quietHours' | 'userEmail'> & Partial<Pick<Settings, 'privateNotifications'>>;
  /** ms since epoch */
  now: number;
  /** Notifications paused by the user until then. */
  pausedUntil: number | null;
  /** The user's IANA time zone for quiet hours; the machine's when absent. Injected so tests are deterministic. */
  timeZone?: string;
  /** Each task's own level ("global" when absent). */
  levelOf?: (taskId: number) => NotificationLevel;
  /** A snoozed task says nothing (its changes are in the history, and a timed snooze announces them when it ends). */
  isSnoozed?: (taskId: number) => boolean;
  /** Who may approve a task's approval step now, where the engine knows it (EligibleApprovers). */
  approversNow?: ApproversNow;
}

interface NotificationPlan {
  /** What to show now. */
  notifications: PlannedNotification[];
  /** Changes not shown because of quiet hours or pause (history still records them). */
  heldBack: number;
  /** The change sets behind `heldBack`, to try again when quiet hours or the pause end. */
  held: TaskChangeSet[];
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
  const levelOf = ctx.levelOf ?? (() => 'global');
  const wanted = byTask(sets)
    .filter(({ task }) => ctx.isSnoozed?.(task.task_id) !== true)
    .map(({ task, changes }) => ({
      task,
      changes: changes.filter((c) => levelAllows(levelOf(task.task_id), c, () => wantsNotification(c, settings))),
    }))
    .filter(({ changes }) => changes.length > 0);
  const { shown, held } = holdBack(wanted, ctx);
  const heldBack = held.reduce((n, { changes }) => n + changes.length, 0);
  if (shown.length === 0) return { notifications: [], heldBack, held };

  const singles = shown.map(({ task, changes }) => single(task, changes, settings, ctx.now, ctx.approversNow?.(task) ?? null));
  // Stable sort: what needs the user comes first, the rest keeps the order the monitor saw it.
  singles.sort((a, b) => Number(b.assignedToYou) - Number(a.assignedToYou));
  const notifications = singles.length <= MAX_SEPARATE_NOTIFICATIONS ? singles : [summary(singles, ctx.now)];
  return { notifications, heldBack, held };
}

/**
 * A pause holds back everything. Quiet hours hold back everything too, unless the user lets what
 * needs them through: a task just assigned to them, or an approval waiting on them.
 */
function holdBack(wanted: TaskChangeSet[], ctx: NotificationContext): { shown: TaskChangeSet[]; held: TaskChangeSet[] } {
  if (ctx.pausedUntil !== null && ctx.pausedUntil > ctx.now) return { shown: [], held: wanted };
  const quietHours = ctx.settings.quietHours;
  const local = localMoment(ctx.now, ctx.timeZone ?? systemTimeZone());
  if (!isQuietTime(quietHours, local.hour * 60 + local.minute, local.weekday)) return { shown: wanted, held: [] };
  if (quietHours.letNeedsYouThrough !== true) return { shown: [], held: wanted };
  const email = ctx.settings.userEmail;
  const urgent = (set: TaskChangeSet): boolean =>
    set.changes.some((c) => isAssignedToYou(c, email)) || isApprovalWaitingOn(set.task, email, ctx.approversNow?.(set.task) ?? null);
  return { shown: wanted.filter(urgent), held: wanted.filter((set) => !urgent(set)) };
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
export function isQuietTime(quietHours: QuietHours, minutesOfDay: number, weekday?: number): boolean {
  if (!quietHours.enabled) return false;
  const start = parseClockTime(quietHours.start);
  const end = parseClockTime(quietHours.end);
  if (start === null || end === null || start === end || !Number.isFinite(minutesOfDay)) return false;
  const m = ((Math.floor(minutesOfDay) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const inWindow = start < end ? m >= start && m < end : m >= start || m < end;
  if (!inWindow || weekday === undefined || quietHours.days === undefined) return inWindow;
  // A night belongs to the evening it starts on: Friday 22:00 → 07:00 is quiet on Saturday morning.
  const startedOn = start > end && m < end ? (weekday + 6) % 7 : weekday;
  return quietHours.days.includes(startedOn);
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

/** With privacy on, nothing of the task's title or people: "Task 12345", "A task changed". */
export const PRIVATE_BODY = 'A task changed';

function single(task: Task, changes: TaskChange[], settings: NotificationContext['settings'], now: number, approversNow: readonly string[] | null): PlannedNotification {
  const hidden = settings.privateNotifications === true;
  const assignedToYou = changes.some((c) => isAssignedToYou(c, settings.userEmail));
  return {
    id: `task-${task.task_id}-${now}`,
    kind: 'single',
    taskIds: [task.task_id],
    title: hidden ? displayTitle(task.task_id, null) : taskTitle(task),
    body: hidden ? PRIVATE_BODY : changes.map((c) => describeChange(c, settings.userEmail)).join(' · '),
    assignedToYou,
    actions: actionsFor('single', situationOf(task, settings.userEmail, approversNow)),
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
    actions: actionsFor('summary', 'other'),
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
