/**
 * What one row of the task list shows, as plain strings computed once per task: the list may hold
 * hundreds of rows, and one object per row is far cheaper to render than a dozen reactive pieces.
 */
import type { TaskSummary } from '../../src-main/contract/dto.ts';
import { exactTime, parseTime, relativeTime, taskBadge, type Tone } from './format.ts';

interface RowView {
  title: string;
  status: string;
  tone: Tone;
  /** "Vendor Contract Review · Step: Legal Review (review)" */
  where: string;
  /** "Updated 2 hours ago · Assignee: you" */
  who: string;
  /** One line under the row: what is wrong, else the unseen change; empty for none. */
  note: string;
  noteIsProblem: boolean;
  /** The task cannot be read now: its workflow, step and assignee are the last known ones. */
  stale: boolean;
}

export function rowView(task: TaskSummary, now: number): RowView {
  const step = task.stepName ? `Step: ${task.stepName}${task.stepType ? ` (${task.stepType})` : ''}` : null;
  const updated = parseTime(task.updatedAt);
  const badge = taskBadge(task.status, task.statusLabel, task.problem);
  return {
    title: task.displayTitle,
    status: badge.text,
    tone: badge.tone,
    where: [task.workflowName, step].filter(Boolean).join(' · '),
    // The time first: it is short, so a long address is what the ellipsis cuts.
    who: [
      updated === null ? null : `Updated ${relativeTime(updated, now)}`,
      `Assignee: ${task.assignedToYou ? 'you' : (task.assignee ?? 'nobody')}`,
    ]
      .filter(Boolean)
      .join(' · '),
    note: task.problem
      ? `⚠ ${task.problem.kind === 'unavailable' ? 'Unavailable' : 'Error'}: ${task.problem.message}`
      : task.snooze
        ? task.snooze.kind === 'timed'
          ? `Snoozed until ${exactTime(task.snooze.until)}`
          : 'Snoozed until it changes'
        : ((task.unseen ? task.lastChange : null) ?? ''),
    noteIsProblem: task.problem !== null,
    stale: task.problem !== null,
  };
}
