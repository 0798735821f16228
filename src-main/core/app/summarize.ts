import { isUserEmail, statusLabel } from '../notify/describeChange.ts';
import { displayTitle } from '../tasks/displayTitle.ts';
import type { ActivityEntry } from './Activity.ts';
import type { TaskProblem, TaskSummary } from './AppSnapshot.ts';
import { describeApiError } from './describeApiError.ts';
import { needsYou, type ApproversNow } from './EligibleApprovers.ts';
import type { LivePin } from './LivePin.ts';
import { GROUP_ORDER, taskGroup } from './taskGroup.ts';
import { taskLink } from './taskLink.ts';
import { triageSummary } from './Snoozes.ts';

/** One list row. `lastChangeByTask` holds the newest activity text per task id; `approversNow` feeds "needs you". */
export function summarize(pin: LivePin, userEmail: string, lastChangeByTask: Map<number, string>, approversNow?: ApproversNow): TaskSummary {
  const task = pin.snapshot;
  const assignedToYou = isUserEmail(task?.assignee_email ?? null, userEmail);
  return {
    id: pin.id,
    title: task?.task_title ?? null,
    displayTitle: displayTitle(pin.id, task?.task_title),
    workflowName: task?.workflow_name ?? null,
    status: task?.status ?? null,
    statusLabel: task ? statusLabel(task.status) : null,
    stepName: task?.current_step_name ?? null,
    stepType: task?.current_step_type ?? null,
    assignee: task?.assignee_email ?? null,
    assignedToYou,
    updatedAt: task?.updated_at ?? null,
    unseen: pin.unseen,
    lastChange: pin.unseen ? (lastChangeByTask.get(pin.id) ?? null) : null,
    problem: problemOf(pin),
    group: taskGroup(pin, needsYou(task, userEmail, task && approversNow ? approversNow(task) : null)),
    ...triageSummary(pin),
    link: taskLink(pin.id),
  };
}

function problemOf(pin: LivePin): TaskProblem | null {
  if (pin.unavailable) return { kind: 'unavailable', message: 'Not found, or your key has no access to it.' };
  const error = pin.lastError;
  if (!error || error.kind === 'unauthorized' || error.kind === 'rate-limited') return null;
  return { kind: 'error', message: describeApiError(error) };
}

/** The newest history text of each task (the history is newest first). */
export function lastChangeByTask(activity: readonly ActivityEntry[]): Map<number, string> {
  const texts = new Map<number, string>();
  for (const entry of activity) if (!texts.has(entry.taskId)) texts.set(entry.taskId, entry.text);
  return texts;
}

/** Display order: by group (see GROUP_ORDER), pin order within a group. */
export function summarizeAll(pins: readonly LivePin[], userEmail: string, activity: readonly ActivityEntry[], approversNow?: ApproversNow): TaskSummary[] {
  const texts = lastChangeByTask(activity);
  return pins
    .map((pin, index) => ({ summary: summarize(pin, userEmail, texts, approversNow), index }))
    .sort((a, b) => GROUP_ORDER[a.summary.group] - GROUP_ORDER[b.summary.group] || a.index - b.index)
    .map((row) => row.summary);
}
