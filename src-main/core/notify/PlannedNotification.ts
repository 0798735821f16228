/** What a button on a notification asks for. The engine decides which to offer and what each does. */
export type NotificationActionId = 'open' | 'snooze-day' | 'review' | 'open-signed-document';

export interface NotificationAction {
  id: NotificationActionId;
  /** The button's text, short ("Open", "Snooze for a day"). */
  label: string;
}

/** A notification the engine wants shown; the Notifier adapter escapes and displays it. */
export interface PlannedNotification {
  /**
   * Unique per notification and stable, so a click that arrives after the app restarted (Windows
   * Action Center) still names it. At most 64 characters of [A-Za-z0-9._-]: the Windows toast tag's limit.
   */
  id: string;
  /** single: one task's change; summary: several changes coalesced into one; test: "Send a test notification". */
  kind: 'single' | 'summary' | 'test';
  taskIds: number[];
  title: string;
  body: string;
  assignedToYou: boolean;
  /** Buttons, where the OS shows them (macOS, Windows; Linux shows none: a click is all there is). */
  actions?: readonly NotificationAction[];
}

/** What the user did with a shown notification: a click on it (actionId null) or one of its buttons. */
export interface NotificationActivation {
  notificationId: string;
  taskIds: number[];
  actionId: NotificationActionId | null;
}
