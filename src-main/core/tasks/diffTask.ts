import { isTerminalStatus, type Task } from '../chamelio/Task.ts';
import type { StepRef, TaskChange } from './TaskChange.ts';

/**
 * What changed between two snapshots of the same task, in the order notifications read best:
 * status (or completion), then assignee, then step.
 */
export function diffTask(prev: Task, next: Task): TaskChange[] {
  const changes: TaskChange[] = [];

  if (prev.status !== next.status) {
    // Completion is its own kind so it can be notified even when ordinary status moves are not.
    changes.push(
      next.status === 'completed'
        ? { kind: 'completed', from: prev.status }
        : { kind: 'status', from: prev.status, to: next.status },
    );
  }

  const from = presentEmail(prev.assignee_email);
  const to = presentEmail(next.assignee_email);
  if (normalizeEmail(from) !== normalizeEmail(to)) {
    const change = from === null ? 'assigned' : to === null ? 'unassigned' : 'reassigned';
    changes.push({ kind: 'assignee', change, from, to });
  }

  // A finished task clears or freezes its step; that is the completion, not a move to another step.
  if (
    !isTerminalStatus(next.status) &&
    next.current_step_id !== null &&
    next.current_step_id !== prev.current_step_id
  ) {
    changes.push({ kind: 'step', from: stepOf(prev), to: stepOf(next) });
  }

  return changes;
}

/** Emails are compared trimmed and case-insensitively; the API is not consistent about either. */
export function normalizeEmail(email: string | null | undefined): string {
  return (email ?? '').trim().toLowerCase();
}

/** A blank assignee is no assignee. */
function presentEmail(email: string | null): string | null {
  const trimmed = (email ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

function stepOf(task: Task): StepRef {
  return { id: task.current_step_id, name: task.current_step_name, type: task.current_step_type };
}
