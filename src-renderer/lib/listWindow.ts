/**
 * The task list as fixed-height lines — a header per non-empty group, then its rows — and which of
 * them a viewport needs. Fixed heights make the window a binary search over precomputed offsets, so
 * the DOM holds about a screenful of rows however many tasks are pinned.
 */
import type { TaskGroup, TaskSummary } from '../../src-main/contract/dto.ts';

/** Heights in CSS pixels; TaskList.svelte's styles use the same numbers. */
export const ROW_PX = 84;
export const HEADER_PX = 30;
/** Rows drawn beyond each edge of the viewport, so a short scroll or key press never shows a gap. */
export const OVERSCAN_PX = ROW_PX * 8;

const GROUP_LABELS: Record<TaskGroup, string> & Record<string, string> = {
  'needs-you': 'Needs you',
  unseen: 'Changed',
  active: 'Running',
  snoozed: 'Snoozed',
  finished: 'Finished',
};

type ListLine =
  | { kind: 'header'; key: string; label: string; count: number }
  /** `index`: the task's place among the options (0-based), for aria-posinset and the keys. */
  | { kind: 'row'; key: string; task: TaskSummary; index: number };

interface ListLayout {
  lines: ListLine[];
  /** offsets[i] is where line i starts; offsets[lines.length] is the whole height. */
  offsets: number[];
  /** The line of each task, by its index among the options. */
  lineOfTask: number[];
}

/** Lines in the engine's order: a header wherever the group changes, with that group's count. */
export function layoutList(tasks: readonly TaskSummary[]): ListLayout {
  const lines: ListLine[] = [];
  const lineOfTask: number[] = [];
  let header: { kind: 'header'; key: string; label: string; count: number } | null = null;
  tasks.forEach((task, index) => {
    if (!header || header.key !== `group-${task.group}`) {
      header = { kind: 'header', key: `group-${task.group}`, label: GROUP_LABELS[task.group] ?? task.group, count: 0 };
      lines.push(header);
    }
    header.count++;
    lineOfTask.push(lines.length);
    lines.push({ kind: 'row', key: `task-${task.id}`, task, index });
  });
  const offsets = [0];
  for (const line of lines) offsets.push((offsets.at(-1) ?? 0) + (line.kind === 'row' ? ROW_PX : HEADER_PX));
  return { lines, offsets, lineOfTask };
}

/** The first line that ends after `y`. */
function lineAt(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((offsets[mid + 1] ?? 0) <= y) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low);
}

/** Lines [start, end) to draw for a viewport from `top`, `height` high (both in the list's own pixels). */
export function visibleRange(layout: ListLayout, top: number, height: number): { start: number; end: number } {
  const count = layout.lines.length;
  if (count === 0) return { start: 0, end: 0 };
  const start = lineAt(layout.offsets, Math.max(0, top - OVERSCAN_PX));
  const end = Math.min(count, lineAt(layout.offsets, top + height + OVERSCAN_PX) + 1);
  return { start, end };
}
