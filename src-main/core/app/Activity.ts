import type { ChangeKind } from '../tasks/TaskChange.ts';

export type ActivityKind = ChangeKind | 'unavailable' | 'available-again';

/** One line of the activity history: what happened to which task, and when. */
export interface ActivityEntry {
  /** Unique and stable, for list keys. */
  id: string;
  at: number;
  taskId: number;
  /** The task's title when it happened (the task may be unpinned since). */
  taskTitle: string;
  kind: ActivityKind;
  /** "In progress → Completed", "Assigned to you", "No longer available". */
  text: string;
  /** True when the change made the user the assignee. */
  assignedToYou: boolean;
}

/** The history keeps this many entries, newest first. */
export const ACTIVITY_CAP = 200;
