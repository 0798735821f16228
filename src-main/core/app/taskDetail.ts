import { isUserEmail, statusLabel } from '../notify/describeChange.ts';
import type { TaskDetail, TaskPerson, TaskSummary } from './AppSnapshot.ts';
import type { LivePin } from './LivePin.ts';

/** The details view's data: the task as last fetched, with "you" and the step labels decided here. */
export function taskDetail(pin: LivePin, summary: TaskSummary, userEmail: string): TaskDetail {
  const task = pin.snapshot;
  const person = (email: string | null): TaskPerson => ({ email, isYou: isUserEmail(email, userEmail) });
  return {
    summary,
    task,
    people: task && {
      owner: person(task.owner_email),
      assignee: person(task.assignee_email),
      collaborators: task.collaborator_emails.map(person),
    },
    stepStatusLabels: task ? task.step_runs.map((run) => statusLabel(run.status)) : [],
  };
}
