import { parseTaskRefs } from '../tasks/parseTaskRefs.ts';
import type { TaskMonitor } from '../tasks/TaskMonitor.ts';
import type { PinResult } from './AppSnapshot.ts';
import { refusedPastPinLimit } from './pinLimit.ts';
import { pollClassOf, type PinList } from './PinList.ts';
import type { Clock } from './ports.ts';

interface PinningDeps {
  clock: Clock;
  monitor: Pick<TaskMonitor, 'add' | 'remove'>;
  /** An unpinned task's remembered answers (the client's, the approvers' cache) go with it. */
  forget: (taskId: number) => void;
  /** The pinned set moved: write it soon and tell the listeners. */
  changed: () => void;
}

/**
 * What is pinned, and so watched: pinning from pasted text (within the pin limit), unpinning and
 * its one undo, the unseen mark. A pinned task is polled by the monitor from the moment it is
 * pinned until it is unpinned.
 */
export class Pinning {
  private readonly pins: PinList;
  private readonly deps: PinningDeps;

  constructor(pins: PinList, deps: PinningDeps) {
    this.pins = pins;
    this.deps = deps;
  }

  pin(text: string): PinResult {
    const parsed = parseTaskRefs(typeof text === 'string' ? text : '');
    const tooMany = refusedPastPinLimit(parsed.ids.filter((id) => !this.pins.has(id)), this.pins.room());
    if (tooMany) return { pinned: [], alreadyPinned: parsed.ids.filter((id) => this.pins.has(id)), rejected: [...parsed.rejected, tooMany] };
    const { pinned, alreadyPinned } = this.pins.addAll(parsed.ids, this.deps.clock.now());
    for (const id of pinned) this.deps.monitor.add(id);
    if (pinned.length > 0) this.deps.changed();
    return { pinned, alreadyPinned, rejected: parsed.rejected };
  }

  /** Task ids in the text (a clipboard's) that are not pinned yet. */
  suggest(text: string): number[] {
    return parseTaskRefs(text).ids.filter((id) => !this.pins.has(id));
  }

  unpin(taskId: number): void {
    if (this.pins.remove(taskId)) this.unpinned([taskId]);
  }

  /** These pins were removed (one, or "Unpin finished"): no more polling, nothing remembered. */
  unpinned(ids: readonly number[]): void {
    for (const id of ids) {
      this.deps.monitor.remove(id);
      this.deps.forget(id);
    }
    this.deps.changed();
  }

  /** Puts the task (or the finished ones) back with baselines, so a change made meanwhile is still reported once. */
  undoUnpin(): void {
    const pins = this.pins.restoreLastRemoved();
    for (const pin of pins) this.deps.monitor.add(pin.id, pollClassOf(pin));
    if (pins.length > 0) this.deps.changed();
  }

  markSeen(taskId: number): void {
    const pin = this.pins.find(taskId);
    if (!pin || !pin.unseen) return;
    pin.unseen = false;
    this.deps.changed();
  }
}
