/**
 * Windows notifications as toast XML, so that a click reaches us even when the toast object is gone.
 * electron.d.ts, Notification.handleActivation (win32): the callback runs for every click or button
 * "regardless of whether the original `Notification` object is still in memory" (cold start, Action
 * Center after a restart, garbage-collected), and hands over only `arguments`, "the raw activation
 * arguments string from Windows": the toast's `launch` attribute for a click on it, the button's
 * `arguments` for a button. So both carry what the activation must name: the notification, its
 * tasks, the action. `toastXml` "supersedes all properties above", so the text and buttons are in it.
 */
import { NOTIFICATION_ACTION_IDS } from '../core/notify/notificationActions.ts';
import type { NotificationAction, NotificationActionId, NotificationActivation } from '../core/notify/PlannedNotification.ts';

/** Marks our own arguments, so a foreign or damaged string is ignored. */
const PREFIX = 'chamelio-tray:';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function toastArguments(notificationId: string, taskIds: readonly number[], actionId: NotificationActionId | null): string {
  const params = new URLSearchParams({ n: notificationId, t: taskIds.join('.') });
  if (actionId !== null) params.set('a', actionId);
  return `${PREFIX}${params.toString()}`;
}

/** The activation a toast's arguments describe, or null for anything we did not write. */
export function parseToastArguments(text: string): NotificationActivation | null {
  if (!text.startsWith(PREFIX)) return null;
  const params = new URLSearchParams(text.slice(PREFIX.length));
  const notificationId = params.get('n');
  const tasks = params.get('t') ?? '';
  const action = params.get('a');
  if (!notificationId) return null;
  const taskIds = tasks === '' ? [] : tasks.split('.').map(Number);
  if (!taskIds.every((id) => Number.isSafeInteger(id) && id > 0)) return null;
  if (action !== null && !NOTIFICATION_ACTION_IDS.has(action)) return null;
  return { notificationId, taskIds, actionId: action as NotificationActionId | null };
}

export function toastXml(input: {
  id: string;
  taskIds: readonly number[];
  title: string;
  body: string;
  actions: readonly NotificationAction[];
}): string {
  const launch = toastArguments(input.id, input.taskIds, null);
  const buttons = input.actions
    .map((a) => `<action content="${escapeXml(a.label)}" arguments="${escapeXml(toastArguments(input.id, input.taskIds, a.id))}" activationType="foreground"/>`)
    .join('');
  return (
    `<toast launch="${escapeXml(launch)}" activationType="foreground">` +
    `<visual><binding template="ToastGeneric"><text>${escapeXml(input.title)}</text><text>${escapeXml(input.body)}</text></binding></visual>` +
    (buttons === '' ? '' : `<actions>${buttons}</actions>`) +
    '</toast>'
  );
}
