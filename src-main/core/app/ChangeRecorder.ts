import type { Task } from '../chamelio/Task.ts';
import { describeChange } from '../notify/describeChange.ts';
import { isAssignedToYou, planNotifications, type NotificationContext, type TaskChangeSet } from '../notify/NotificationPolicy.ts';
import { diffTask } from '../tasks/diffTask.ts';
import { sameSnapshot } from '../tasks/sameSnapshot.ts';
import { ACTIVITY_CAP, type ActivityEntry, type ActivityKind } from './Activity.ts';
import type { PersistedState } from './PersistedState.ts';
import type { Clock, Logger, Notifier, Persistence, TimerHandle } from './ports.ts';
import type { LivePin } from './summarize.ts';

export interface ChangeRecorderDeps {
  clock: Clock;
  notifier: Notifier;
  logger: Logger;
  persistence: Persistence;
  random: () => number;
  /** Changes of a task unpinned before its notification went out are not notified. */
  isPinned: (taskId: number) => boolean;
  /** A change held back (quiet hours, paused) is shown later only if the user has not looked yet. */
  isUnseen: (taskId: number) => boolean;
  persistedState: () => PersistedState;
  /** False while nothing may be written (the demo). */
  canPersist: () => boolean;
  notificationContext: () => NotificationContext;
}

/** Results that arrive this close together are one cycle: more than three changes make one summary. */
export const CYCLE_MS = 1500;
/** Writes are coalesced: one write for a burst of changes. */
export const SAVE_DELAY_MS = 300;
/** While changes are held back, this often the recorder looks whether they may be shown now. */
export const HELD_RETRY_MS = 60_000;
const SAVE_RETRY_MS = 5000;

/**
 * Turns fetched snapshots into history, notifications and writes. A task's first fetch is a silent
 * baseline. Unchanged snapshots write nothing. Changes are written to disk before they are
 * notified, so a crash can lose a notification's display but never its record, and a restart
 * never reports the same change twice.
 */
export class ChangeRecorder {
  activity: ActivityEntry[] = [];
  private readonly deps: ChangeRecorderDeps;
  private pending: TaskChangeSet[] = [];
  /** Changes held back by quiet hours or a pause: shown when those end, if still unseen. */
  private held: TaskChangeSet[] = [];
  private heldTimer: TimerHandle | null = null;
  private dirty = false;
  private saveTimer: TimerHandle | null = null;
  private cycleTimer: TimerHandle | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(deps: ChangeRecorderDeps) {
    this.deps = deps;
  }

  reset(activity: ActivityEntry[]): void {
    this.activity = activity.slice(0, ACTIVITY_CAP);
    this.pending = [];
    this.held = [];
    if (this.heldTimer !== null) this.deps.clock.clearTimeout(this.heldTimer);
    this.heldTimer = null;
    this.dirty = false;
  }

  recordFetched(pin: LivePin, next: Task): void {
    const prev = pin.snapshot;
    if (pin.unavailable) {
      pin.unavailable = false;
      this.addActivity(pin.id, next.task_title, 'available-again', 'Available again', false);
      this.markDirty();
    }
    if (prev === null) {
      pin.snapshot = next;
      this.markDirty();
      return;
    }
    // The client hands back the very same value for an answer that repeats the last one.
    if (prev === next) return;
    if (sameSnapshot(prev, next)) {
      pin.snapshot = next; // equal data, nothing to write; the next identical answer is known by identity
      return;
    }
    pin.snapshot = next;
    this.markDirty();
    const changes = diffTask(prev, next);
    if (changes.length === 0) return;
    pin.unseen = true;
    const email = this.deps.notificationContext().settings.userEmail;
    for (const change of changes) {
      this.addActivity(pin.id, next.task_title, change.kind, describeChange(change, email), isAssignedToYou(change, email));
    }
    this.pending.push({ task: next, changes });
    this.cycleTimer ??= this.deps.clock.setTimeout(() => {
      this.cycleTimer = null;
      void this.endCycle();
    }, CYCLE_MS);
  }

  /** A 404: recorded once, until the task is found again. */
  recordUnavailable(pin: LivePin): void {
    if (pin.unavailable) return;
    pin.unavailable = true;
    this.addActivity(pin.id, pin.snapshot?.task_title ?? null, 'unavailable', 'No longer available (deleted, or no access)', false);
    this.markDirty();
  }

  markDirty(): void {
    this.dirty = true;
    this.saveTimer ??= this.deps.clock.setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, SAVE_DELAY_MS);
  }

  /** Writes what is unwritten and shows what is waiting; for shutdown. */
  async flush(): Promise<void> {
    for (const timer of [this.saveTimer, this.cycleTimer, this.heldTimer]) if (timer !== null) this.deps.clock.clearTimeout(timer);
    this.saveTimer = null;
    this.cycleTimer = null;
    this.heldTimer = null;
    await this.endCycle();
    await this.save();
  }

  private async endCycle(): Promise<void> {
    const { isPinned, isUnseen } = this.deps;
    // Pinned now, not when the change was seen: an unpin and an undo within the cycle still notify.
    const fresh = this.pending.filter((set) => isPinned(set.task.task_id));
    const held = this.held.filter((set) => isPinned(set.task.task_id) && isUnseen(set.task.task_id));
    const sets = [...held, ...fresh];
    this.pending = [];
    this.held = [];
    await this.save(); // waits for a write already under way too: the record goes before the banner
    if (sets.length === 0) return;
    const plan = planNotifications(sets, this.deps.notificationContext());
    if (plan.heldBack > 0) {
      this.held = sets;
      this.heldTimer ??= this.deps.clock.setTimeout(() => {
        this.heldTimer = null;
        void this.endCycle();
      }, HELD_RETRY_MS);
    }
    for (const notification of plan.notifications) {
      try {
        this.deps.notifier.show(notification);
      } catch (error) {
        this.deps.logger.warn('notification failed', { error: String(error) });
      }
    }
  }

  private save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (!this.dirty || !this.deps.canPersist()) return;
      this.dirty = false;
      try {
        await this.deps.persistence.save(this.deps.persistedState());
      } catch (error) {
        this.deps.logger.warn('saving state failed; will retry', { error: String(error) });
        this.dirty = true;
        this.saveTimer ??= this.deps.clock.setTimeout(() => {
          this.saveTimer = null;
          void this.save();
        }, SAVE_RETRY_MS);
      }
    });
    return this.saving;
  }

  private addActivity(taskId: number, title: string | null, kind: ActivityKind, text: string, assignedToYou: boolean): void {
    const at = this.deps.clock.now();
    const id = `${at.toString(36)}-${taskId}-${Math.floor(this.deps.random() * 1e9).toString(36)}`;
    this.activity = [{ id, at, taskId, taskTitle: title ?? `Task ${taskId}`, kind, text, assignedToYou }, ...this.activity].slice(
      0,
      ACTIVITY_CAP,
    );
  }
}
