/**
 * What the popover shows for a notification's intent: the shell (Electron) and the preview both ask
 * this, so a "Review" opens the task at its approval in either.
 */
import type { NotificationIntent } from '../core/notify/notificationActions.ts';
import type { PopoverView } from './bridge.ts';

/** The view to show, or null when the popover shows nothing (a snooze, a task opened in Chamelio). */
export function popoverViewOf(intent: NotificationIntent): PopoverView | null {
  if (intent.kind === 'show-list') return { view: 'list' };
  if (intent.kind !== 'show-task') return null;
  return intent.focus ? { view: 'task', taskId: intent.taskId, focus: intent.focus } : { view: 'task', taskId: intent.taskId };
}
