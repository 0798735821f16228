import { isNotificationLevel, type NotificationLevel } from '../notify/taskNotificationLevel.ts';
import { loadSnooze, type Snooze } from './snooze.ts';

/**
 * A pin's triage fields as they are written and read back: only what differs from the default, and
 * from a file only what is valid (an unreadable snooze is no snooze, an unknown level is "global").
 */
export function pinTriage(raw: { snooze?: unknown; notificationLevel?: unknown }): { snooze?: Snooze; notificationLevel?: NotificationLevel } {
  const snooze = loadSnooze(raw.snooze);
  const level = isNotificationLevel(raw.notificationLevel) && raw.notificationLevel !== 'global' ? raw.notificationLevel : undefined;
  return { ...(snooze ? { snooze } : {}), ...(level ? { notificationLevel: level } : {}) };
}
