/** What changed between two snapshots of one task. Each kind has its own notification toggle. */
export type ChangeKind = 'status' | 'completed' | 'assignee' | 'step';

export const CHANGE_KINDS: readonly ChangeKind[] = ['status', 'completed', 'assignee', 'step'];

export interface StepRef {
  id: string | null;
  name: string | null;
  type: string | null;
}

export type TaskChange =
  /** The status moved, to anything but `completed`. */
  | { kind: 'status'; from: string; to: string }
  /** The status became `completed` (reported instead of a plain status change). */
  | { kind: 'completed'; from: string }
  | {
      kind: 'assignee';
      change: 'assigned' | 'reassigned' | 'unassigned';
      from: string | null;
      to: string | null;
    }
  /** The task moved to another step while it is still running. */
  | { kind: 'step'; from: StepRef; to: StepRef };
