import type { TaskStatus } from '../chamelio/Task.ts';
import { normalizeEmail } from '../tasks/diffTask.ts';
import type { TaskChange } from '../tasks/TaskChange.ts';

const STATUS_LABELS: Record<TaskStatus, string> = {
  created: 'Created',
  pending: 'Pending',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Failed',
  archived: 'Archived',
};

/** "in_progress" → "In progress"; a status the docs do not list yet is humanised, never hidden. */
export function statusLabel(status: string): string {
  // Own keys only: a status such as "toString" must not find Object.prototype.
  if (Object.hasOwn(STATUS_LABELS, status)) return STATUS_LABELS[status as TaskStatus];
  const words = String(status)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[\s_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? 'Unknown' : words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One short line for a change, shared by notification bodies, the activity history and the UI:
 * "In progress → Completed", "Assigned to you", "Now at: Legal Approval".
 */
export function describeChange(change: TaskChange, userEmail: string): string {
  switch (change.kind) {
    case 'status':
      return `${statusLabel(change.from)} → ${statusLabel(change.to)}`;
    case 'completed':
      // Without a known previous status the arrow would point from nothing.
      return change.from.trim() === '' ? 'Completed' : `${statusLabel(change.from)} → Completed`;
    case 'assignee': {
      const from = person(change.from, userEmail);
      const to = person(change.to, userEmail);
      if (change.change === 'assigned') return `Assigned to ${to}`;
      if (change.change === 'reassigned') return `Reassigned from ${from} to ${to}`;
      return 'Unassigned';
    }
    case 'step':
      return `Now at: ${stepName(change.to)}`;
  }
}

/** True when `email` is the user's own (case-insensitive, trimmed); an unknown user is nobody. */
export function isUserEmail(email: string | null, userEmail: string): boolean {
  const you = normalizeEmail(userEmail);
  return you !== '' && normalizeEmail(email) === you;
}

function person(email: string | null, userEmail: string): string {
  if (isUserEmail(email, userEmail)) return 'you';
  return email === null || email.trim() === '' ? 'nobody' : email.trim();
}

function stepName(step: { id: string | null; name: string | null }): string {
  return step.name?.trim() || step.id?.trim() || 'another step';
}
