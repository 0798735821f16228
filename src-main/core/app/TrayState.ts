/** What the tray icon says, most urgent first: key problem, offline, needs you, changes unseen, paused, idle. */
export type TrayStateKind = 'key-problem' | 'offline' | 'needs-you' | 'changes-unseen' | 'paused' | 'idle';

export interface TrayMenuTask {
  id: number;
  /** Title, or "Task 12345" until it is known. */
  label: string;
  /** "In progress", "Unavailable", "Loading…". */
  statusLabel: string;
  unseen: boolean;
  needsYou: boolean;
}

export interface TrayState {
  kind: TrayStateKind;
  /** "3 pinned · 1 changed · checked 10:42" */
  tooltip: string;
  tasks: TrayMenuTask[];
  /** Notifications paused until this time (ms since epoch), or null. */
  notificationsPausedUntil: number | null;
  hasKey: boolean;
}
