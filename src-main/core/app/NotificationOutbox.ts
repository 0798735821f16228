import { planNotifications, type NotificationContext, type TaskChangeSet } from '../notify/NotificationPolicy.ts';
import { OneShotTimer } from '../time/OneShotTimer.ts';
import type { Clock, Logger, Notifier } from './ports.ts';

/** Results that arrive this close together are one cycle: more than three changes make one summary. */
export const CYCLE_MS = 1500;
/** While changes are held back, this often the outbox says they may be due. */
const HELD_RETRY_MS = 60_000;

/**
 * Changes waiting to be notified: those of the current cycle, and those held back by quiet hours
 * or a pause (shown when those end, if still unseen). `due` is called when a cycle ends or held
 * changes may be shown; the owner then takes them, writes its state, and shows them.
 */
export class NotificationOutbox {
  private pending: TaskChangeSet[] = [];
  private held: TaskChangeSet[] = [];
  private readonly cycle: OneShotTimer;
  private readonly heldRetry: OneShotTimer;
  private readonly deps: { notifier: Notifier; logger: Logger };

  constructor(deps: { clock: Clock; notifier: Notifier; logger: Logger }, due: () => void) {
    this.deps = deps;
    this.cycle = new OneShotTimer(deps.clock, CYCLE_MS, due);
    this.heldRetry = new OneShotTimer(deps.clock, HELD_RETRY_MS, due);
  }

  add(set: TaskChangeSet): void {
    this.pending.push(set);
    this.cycle.schedule();
  }

  /**
   * Everything waiting that is still wanted, held first: pinned now (not when the change was seen,
   * so an unpin and an undo within the cycle still notify), and for held changes still unseen.
   */
  take(isPinned: (taskId: number) => boolean, isUnseen: (taskId: number) => boolean): TaskChangeSet[] {
    const held = this.held.filter((set) => isPinned(set.task.task_id) && isUnseen(set.task.task_id));
    const fresh = this.pending.filter((set) => isPinned(set.task.task_id));
    this.pending = [];
    this.held = [];
    return [...held, ...fresh];
  }

  /** Shows what the policy allows now and holds the rest back for a later try. */
  show(sets: TaskChangeSet[], context: NotificationContext): void {
    if (sets.length === 0) return;
    const plan = planNotifications(sets, context);
    if (plan.heldBack > 0) {
      this.held = plan.held;
      this.heldRetry.schedule();
    }
    for (const notification of plan.notifications) {
      try {
        this.deps.notifier.show(notification);
      } catch (error) {
        this.deps.logger.warn('notification failed', { error: String(error) });
      }
    }
  }

  /** Drops everything waiting: another state was taken. A cycle under way still ends, empty. */
  clear(): void {
    this.pending = [];
    this.held = [];
    this.heldRetry.cancel();
  }

  /** For shutdown: no more `due`; the owner takes what is waiting itself. */
  cancelTimers(): void {
    this.cycle.cancel();
    this.heldRetry.cancel();
  }
}
