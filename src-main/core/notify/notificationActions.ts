/**
 * The buttons on a notification and what choosing one (or clicking the notification) means. The
 * engine decides both; the shell only shows the buttons where the OS can (macOS, Windows; Linux
 * gets the click only) and hands back which one was chosen.
 */
import type { Task } from '../chamelio/Task.ts';
import { needsYou } from '../app/EligibleApprovers.ts';
import type { NotificationAction, NotificationActionId, NotificationActivation } from './PlannedNotification.ts';

/** Every button id we write, so a button that comes back (a Windows toast's arguments) can be checked. */
export const NOTIFICATION_ACTION_IDS: ReadonlySet<string> = new Set<NotificationActionId>(['open', 'snooze-day', 'review', 'open-signed-document']);

/** What a click on the notification's body opens: the popover, or the task in Chamelio. */
export type NotificationClick = 'popover' | 'chamelio';

const OPEN: NotificationAction = { id: 'open', label: 'Open' };
const SNOOZE_DAY: NotificationAction = { id: 'snooze-day', label: 'Snooze 1 day' };
const REVIEW: NotificationAction = { id: 'review', label: 'Review' };
const OPEN_SIGNED_DOCUMENT: NotificationAction = { id: 'open-signed-document', label: 'Open signed document' };

/** Snooze 1 day lasts this long. */
export const SNOOZE_DAY_MS = 24 * 60 * 60_000;

/** Where a notified task stands, as far as its buttons go. */
type TaskSituation = 'approval-waiting-on-you' | 'completed' | 'other';

export function situationOf(task: Task, userEmail: string, approversNow: readonly string[] | null): TaskSituation {
  if (isApprovalWaitingOn(task, userEmail, approversNow)) return 'approval-waiting-on-you';
  return task.status === 'completed' ? 'completed' : 'other';
}

/**
 * A summary offers Open only: snoozing several tasks from one banner would be a surprise. A finished
 * task offers its signed document instead of a snooze; whether it has one is asked only on the
 * click (a task does not say, and asking at every completion would spend the budget on guesses).
 */
export function actionsFor(kind: 'single' | 'summary' | 'test', situation: TaskSituation): NotificationAction[] {
  if (kind !== 'single') return [OPEN];
  if (situation === 'approval-waiting-on-you') return [REVIEW, OPEN, SNOOZE_DAY];
  if (situation === 'completed') return [OPEN_SIGNED_DOCUMENT, OPEN];
  return [OPEN, SNOOZE_DAY];
}

/**
 * The task is still running at an approval step that needs the user (a known email): theirs as the
 * assignee, or they are among its approvers now when that list is known (EligibleApprovers).
 */
export function isApprovalWaitingOn(task: Task, userEmail: string, approversNow: readonly string[] | null = null): boolean {
  return task.current_step_type === 'approval' && needsYou(task, userEmail, approversNow);
}

/** What the shell does next; the engine has already done its part (a snooze, say). */
export type NotificationIntent =
  | { kind: 'show-list' }
  | { kind: 'show-task'; taskId: number; focus: 'approval' | null }
  | { kind: 'open-task-in-chamelio'; taskId: number }
  /** Open the task's signed document from a link asked for now; the task's details when there is not exactly one. */
  | { kind: 'open-signed-document'; taskId: number }
  | { kind: 'nothing' };

/** The intent of an activation, given the user's click setting; a summary's click shows the list. */
export function intentOf(activation: Pick<NotificationActivation, 'actionId' | 'taskIds'>, click: NotificationClick): NotificationIntent {
  const only = activation.taskIds.length === 1 ? activation.taskIds[0]! : null;
  switch (activation.actionId) {
    case 'snooze-day':
      return { kind: 'nothing' };
    case 'review':
      return only === null ? { kind: 'show-list' } : { kind: 'show-task', taskId: only, focus: 'approval' };
    case 'open-signed-document':
      return only === null ? { kind: 'show-list' } : { kind: 'open-signed-document', taskId: only };
    case 'open':
    case null:
      if (only === null) return { kind: 'show-list' };
      return click === 'chamelio' ? { kind: 'open-task-in-chamelio', taskId: only } : { kind: 'show-task', taskId: only, focus: null };
  }
}
