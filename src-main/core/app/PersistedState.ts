import type { Task } from '../chamelio/Task.ts';
import type { NotificationLevel } from '../notify/taskNotificationLevel.ts';
import type { Snooze } from './snooze.ts';
import type { ActivityEntry } from './Activity.ts';
import type { Settings } from './Settings.ts';

export const SCHEMA_VERSION = 1;

export interface PersistedPin {
  id: number;
  pinnedAt: number;
  /** The last snapshot seen: the baseline for the next diff, also after a restart. Null until fetched. */
  snapshot: Task | null;
  /** A change the user has not looked at yet. */
  unseen: boolean;
  /** The API said 404; reported once, kept pinned, retried slowly. */
  unavailable: boolean;
  /** Snoozed by the user; absent when not. */
  snooze?: Snooze | null;
  /** The task's own notification level; absent means "follow global". */
  notificationLevel?: NotificationLevel;
}

/** Everything that survives a restart. Written only when it changed. */
export interface PersistedState {
  schemaVersion: typeof SCHEMA_VERSION;
  settings: Settings;
  pinned: PersistedPin[];
  activity: ActivityEntry[];
  notificationsPausedUntil: number | null;
}
