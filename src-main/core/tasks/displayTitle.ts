/**
 * The one rule for a task's name wherever it is shown (list, details, tray menu, notifications,
 * history): its title, or "Task 12345" when the title is missing, empty or only whitespace.
 */
export function displayTitle(taskId: number, title: string | null | undefined): string {
  return title?.trim() || `Task ${taskId}`;
}
