import type { Task } from '../chamelio/Task.ts';
import { describeChange } from '../notify/describeChange.ts';
import { isAssignedToYou, type TaskChangeSet } from '../notify/NotificationPolicy.ts';
import { diffTask } from '../tasks/diffTask.ts';
import { displayTitle } from '../tasks/displayTitle.ts';
import { sameSnapshot } from '../tasks/sameSnapshot.ts';
import { ACTIVITY_CAP, type ActivityEntry, type ActivityKind } from './Activity.ts';
import type { LivePin } from './LivePin.ts';
import type { Clock } from './ports.ts';

type PinUpdate = Partial<Pick<LivePin, 'snapshot' | 'unseen' | 'unavailable'>>;

/** What a result changed: the pin's new fields, whether that needs a write, and the changes to notify. */
export interface Recorded {
  update: PinUpdate;
  write: boolean;
  notify: TaskChangeSet | null;
}

const NOTHING: Recorded = { update: {}, write: false, notify: null };

/**
 * Turns fetched snapshots into history and says what changed; the caller applies it, writes it
 * and notifies it. A task's first fetch is a silent baseline; an unchanged snapshot changes nothing.
 */
export class ChangeRecorder {
  private history: ActivityEntry[] = [];
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(deps: { clock: Clock; random: () => number }) {
    this.clock = deps.clock;
    this.random = deps.random;
  }

  /** Newest first, at most ACTIVITY_CAP entries. */
  get activity(): ActivityEntry[] {
    return this.history;
  }

  reset(activity: readonly ActivityEntry[]): void {
    this.history = activity.slice(0, ACTIVITY_CAP);
  }

  /** `ownText`: asked only when something changed; non-null when it is the user's own doing, recorded as theirs, not notified. */
  fetched(pin: Readonly<LivePin>, next: Task, userEmail: string, ownText: () => string | null = () => null): Recorded {
    const update: PinUpdate = {};
    const write = pin.unavailable;
    if (pin.unavailable) {
      update.unavailable = false;
      this.add(pin.id, next.task_title, 'available-again', 'Available again', false);
    }
    const prev = pin.snapshot;
    // The client hands back the very same value for an answer that repeats the last one.
    if (prev === next) return { update, write, notify: null };
    update.snapshot = next;
    // Equal data: nothing to write; the next identical answer is known by identity.
    if (prev !== null && sameSnapshot(prev, next)) return { update, write, notify: null };
    if (prev === null) return { update, write: true, notify: null };
    const changes = diffTask(prev, next);
    if (changes.length === 0) return { update, write: true, notify: null };
    const own = ownText();
    if (own !== null) {
      this.add(pin.id, next.task_title, changes[0]!.kind, own, false);
      return { update, write: true, notify: null };
    }
    update.unseen = true;
    for (const change of changes) {
      this.add(pin.id, next.task_title, change.kind, describeChange(change, userEmail), isAssignedToYou(change, userEmail));
    }
    return { update, write: true, notify: { task: next, changes } };
  }

  /** A 404: recorded once, until the task is found again. */
  unavailable(pin: Readonly<LivePin>): Recorded {
    if (pin.unavailable) return NOTHING;
    this.add(pin.id, pin.snapshot?.task_title ?? null, 'unavailable', 'No longer available (deleted, or no access)', false);
    return { update: { unavailable: true }, write: true, notify: null };
  }

  private add(taskId: number, title: string | null, kind: ActivityKind, text: string, assignedToYou: boolean): void {
    const at = this.clock.now();
    const id = `${at.toString(36)}-${taskId}-${Math.floor(this.random() * 1e9).toString(36)}`;
    const entry: ActivityEntry = { id, at, taskId, taskTitle: displayTitle(taskId, title), kind, text, assignedToYou };
    this.history = [entry, ...this.history].slice(0, ACTIVITY_CAP);
  }
}
