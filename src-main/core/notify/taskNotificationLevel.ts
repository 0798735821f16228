/**
 * How loudly one task may speak, chosen per task: follow the global settings (the default), every
 * change, only when it finishes, or never. The policy asks this module; the UI decides nothing.
 */
import { isTerminalStatus } from '../chamelio/Task.ts';
import type { TaskChange } from '../tasks/TaskChange.ts';

export type NotificationLevel = 'global' | 'every' | 'finished' | 'never';

const NOTIFICATION_LEVELS: readonly NotificationLevel[] = ['global', 'every', 'finished', 'never'];

export function isNotificationLevel(value: unknown): value is NotificationLevel {
  return typeof value === 'string' && (NOTIFICATION_LEVELS as readonly string[]).includes(value);
}

/** A finish: completed, or any other end (failed, cancelled, archived). */
function isFinish(change: TaskChange): boolean {
  return change.kind === 'completed' || (change.kind === 'status' && isTerminalStatus(change.to));
}

/**
 * Whether a task's own level lets a change through; `globally` is what the global settings say.
 * Only "follow global" consults them: a task set to "every change" speaks even for kinds the user
 * switched off globally, and one set to "never" is silent even when assigned to you.
 */
export function levelAllows(level: NotificationLevel, change: TaskChange, globally: () => boolean): boolean {
  switch (level) {
    case 'global':
      return globally();
    case 'every':
      return true;
    case 'finished':
      return isFinish(change);
    case 'never':
      return false;
  }
}
