import type { ApiResult } from '../chamelio/ApiError.ts';
import type { Task } from '../chamelio/Task.ts';
import type { NotificationContext } from '../notify/NotificationPolicy.ts';
import type { ActivityEntry } from './Activity.ts';
import { ChangeRecorder, type Recorded } from './ChangeRecorder.ts';
import type { LivePin } from './LivePin.ts';
import { NotificationOutbox } from './NotificationOutbox.ts';
import type { OpenedState } from './openState.ts';
import { OwnChanges } from './OwnChanges.ts';
import type { PersistedState } from './PersistedState.ts';
import type { PinList } from './PinList.ts';
import type { Clock, Logger, Notifier, Persistence } from './ports.ts';
import { StateWriter } from './StateWriter.ts';
import type { TaskChangeSet } from '../notify/NotificationPolicy.ts';
import type { TaskChange } from '../tasks/TaskChange.ts';

interface ChangePipelineDeps {
  clock: Clock;
  notifier: Notifier;
  logger: Logger;
  persistence: Persistence;
  random: () => number;
}

/** What the pipeline reads from its owner when it writes and when it notifies. */
interface ChangePipelineSources {
  /** The state to write, or null while nothing may be written (the demo). */
  state: () => PersistedState | null;
  notification: () => NotificationContext;
  /** True when a snooze swallows the task's changes: recorded in the history, never notified. */
  absorbedBySnooze?: (pin: LivePin, changes: readonly TaskChange[]) => boolean;
  /** The storage problem shown to the user appeared or went. */
  problemChanged?: () => void;
}

/**
 * A poll result's way through the engine: recorded (ChangeRecorder says what changed), applied to
 * the pin, written (StateWriter), then notified (NotificationOutbox). Changes are written before
 * they are notified, so a crash can lose a banner but never its record, and a restart never
 * reports the same change twice.
 */
export class ChangePipeline {
  private readonly recorder: ChangeRecorder;
  private readonly writer: StateWriter;
  private readonly outbox: NotificationOutbox;
  private readonly pins: PinList;
  private readonly sources: ChangePipelineSources;
  /** Changes the user caused (a decision, a cancellation): recorded as theirs, never notified. */
  readonly own = new OwnChanges();
  private fileProblem: string | null = null;

  constructor(deps: ChangePipelineDeps, pins: PinList, sources: ChangePipelineSources) {
    this.pins = pins;
    this.sources = sources;
    this.recorder = new ChangeRecorder(deps);
    this.writer = new StateWriter(deps, sources.state, sources.problemChanged);
    this.outbox = new NotificationOutbox(deps, () => void this.deliver());
  }

  get activity(): ActivityEntry[] {
    return this.recorder.activity;
  }

  received(pin: LivePin, result: ApiResult<Task>, userEmail: string): void {
    if (result.ok) this.apply(pin, this.recorder.fetched(pin, result.value, userEmail, () => this.own.take(pin.id)));
    else if (result.error.kind === 'not-found') this.apply(pin, this.recorder.unavailable(pin));
  }

  /** The file read at start: what to tell the user about it, and whether it may be written; its state. */
  opened({ state, problem, refuseWrites }: OpenedState): PersistedState {
    this.fileProblem = problem;
    if (refuseWrites) this.writer.refuseWrites();
    return state;
  }

  /** Why the state on disk is not what the user sees, in plain words (a failed save first); null when it is. */
  storageProblem(): string | null {
    return this.writer.problem ?? this.fileProblem;
  }

  /** Something outside the results changed (a pin, a setting): write it soon. */
  markDirty(): void {
    this.writer.markDirty();
  }

  /** Another state was taken: its history, nothing waiting, nothing to write. */
  reset(activity: readonly ActivityEntry[]): void {
    this.recorder.reset(activity);
    this.outbox.clear();
    this.writer.discard();
  }

  /** Writes what is unwritten and shows what is waiting; for shutdown and before the demo. */
  async flush(): Promise<void> {
    this.writer.cancel();
    this.outbox.cancelTimers();
    await this.deliver();
    await this.writer.save();
  }

  /** Changes not from this cycle's results (a snooze that ended) go out like its own. */
  announce(sets: readonly TaskChangeSet[]): void {
    for (const set of sets) this.outbox.add(set);
  }

  private apply(pin: LivePin, recorded: Recorded): void {
    // A snoozed task stays as seen as it was: its changes wait for the snooze to end.
    const absorbed = recorded.notify !== null && this.sources.absorbedBySnooze?.(pin, recorded.notify.changes) === true;
    Object.assign(pin, recorded.update, absorbed ? { unseen: pin.unseen } : {});
    if (recorded.write) this.writer.markDirty();
    if (recorded.notify && !absorbed) this.outbox.add(recorded.notify);
  }

  private async deliver(): Promise<void> {
    const sets = this.outbox.take(
      (taskId) => this.pins.has(taskId),
      (taskId) => this.pins.find(taskId)?.unseen === true,
    );
    await this.writer.save(); // waits for a write already under way too: the record goes before the banner
    this.outbox.show(sets, this.sources.notification());
  }
}
