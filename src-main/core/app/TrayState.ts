import type { ConnectionState } from './AppSnapshot.ts';

/** What the tray icon says, most urgent first: key problem, offline, needs you, changes unseen, paused, idle. */
export type TrayStateKind = 'key-problem' | 'offline' | 'needs-you' | 'changes-unseen' | 'paused' | 'idle';

export interface TrayMenuTask {
  id: number;
  /** The task's display title (TaskSummary.displayTitle). */
  label: string;
  /** "In progress", "Unavailable", "Loading…". */
  statusLabel: string;
  unseen: boolean;
  needsYou: boolean;
  /** Needs you at an approval step: its menu item opens the popover at the approval. */
  approvalWaiting: boolean;
}

/**
 * The tray at a glance, as data: the shell words the tooltip and the menu's first line from these
 * parts (electron/traySummary.ts), so nothing has to take a sentence apart again.
 */
export interface TrayState {
  kind: TrayStateKind;
  /** Pinned tasks. */
  pinned: number;
  /** Tasks with a change the user has not seen. */
  changed: number;
  /** Tasks assigned to the user and not finished (the list's needs-you group). */
  needsYou: number;
  /** When a task was last checked (ms since epoch), or null before the first answer. */
  lastCheckedAt: number | null;
  connection: ConnectionState;
  /** Notifications paused until this time (ms since epoch), or null. */
  notificationsPausedUntil: number | null;
  hasKey: boolean;
  tasks: TrayMenuTask[];
}
