import type { PopoverFocus } from '../../../src-main/contract/bridge.ts';
import type { PinResult, TaskSummary } from '../../../src-main/contract/dto.ts';
import { filterTasks } from '../filterTasks.ts';

export type View =
  | { kind: 'list' }
  | { kind: 'details'; taskId: number; focus?: PopoverFocus }
  | { kind: 'activity' }
  | { kind: 'settings' };

/**
 * Which view is shown; the list's filter text and selected row, kept here, outside the list, so
 * coming back from the details restores both; and the feedback of the last pin, which belongs to the
 * list view and is left behind by any other.
 */
export class ViewStore {
  current = $state<View>({ kind: 'list' });
  listQuery = $state('');
  selectedId = $state<number | null>(null);
  pinFeedback = $state<PinResult | null>(null);

  /** Shows a view; another kind of view leaves the pin feedback behind. */
  show(view: View): void {
    if (this.current.kind !== view.kind) this.pinFeedback = null;
    this.current = view;
  }

  /** Whether the details of this task are open. */
  showsTask(taskId: number): boolean {
    return this.current.kind === 'details' && this.current.taskId === taskId;
  }

  /** The row after this one in the filtered list, else the one before: where the selection goes when it is unpinned. */
  neighbourOf(taskId: number, tasks: readonly TaskSummary[]): number | null {
    const rows = filterTasks(tasks, this.listQuery);
    const index = rows.findIndex((t) => t.id === taskId);
    if (index < 0) return null;
    return (rows[index + 1] ?? rows[index - 1])?.id ?? null;
  }
}
