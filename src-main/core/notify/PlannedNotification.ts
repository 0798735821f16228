import type { NotificationAction } from './notificationActions.ts';

/** A notification the engine wants shown; the Notifier adapter escapes and displays it. */
export interface PlannedNotification {
  /** single: one task's change; summary: several changes coalesced into one; test: "Send a test notification". */
  kind: 'single' | 'summary' | 'test';
  taskIds: number[];
  title: string;
  body: string;
  assignedToYou: boolean;
  /**
   * The buttons the engine offers, in order, where the OS shows buttons (macOS, Windows); Linux
   * gets the click only. The shell hands the chosen id back to `AppService.notificationActivated`.
   */
  actions: NotificationAction[];
}
