/** A notification the engine wants shown; the Notifier adapter escapes and displays it. */
export interface PlannedNotification {
  /** single: one task's change; summary: several changes coalesced into one. */
  kind: 'single' | 'summary';
  taskIds: number[];
  title: string;
  body: string;
  assignedToYou: boolean;
}
