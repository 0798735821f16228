import type { TaskSummary } from '../../src-main/contract/dto.ts';

/** Keeps the engine's order; matches every word against the task's visible text. */
export function filterTasks(tasks: readonly TaskSummary[], query: string): readonly TaskSummary[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return tasks;
  return tasks.filter((task) => {
    const haystack = [
      String(task.id),
      task.displayTitle,
      task.workflowName,
      task.statusLabel,
      task.stepName,
      task.assignedToYou ? 'you' : task.assignee,
    ]
      .filter(Boolean)
      .join(' ')
      .toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
