import type { ApiResult } from '../chamelio/ApiError.ts';
import type { Task } from '../chamelio/Task.ts';
import type { Clock, TimerHandle } from '../app/ports.ts';
import { baseInterval, rescheduleAfter, stretchFor, type PollClass, type Schedule } from './pollSchedule.ts';
import { PriorityRequests } from './PriorityRequests.ts';
import { rateLimitPause } from './rateLimitPause.ts';
import { RequestBudget } from './RequestBudget.ts';

/** Why polling stops altogether until the reason is lifted. */
type PauseReason = 'suspended' | 'offline' | 'unauthorized' | 'no-key';

/** What the OS says: asleep or awake, online or not, the screen locked or not. */
export interface SystemChange {
  online?: boolean;
  suspended?: boolean;
  locked?: boolean;
}

interface TaskMonitorOptions {
  clock: Clock;
  random: () => number;
  fetchTask: (taskId: number) => Promise<ApiResult<Task>>;
  /** Every finished request, in the order they finish. */
  onResult: (taskId: number, result: ApiResult<Task>) => void;
  /** The user's interval for running tasks. */
  intervalMs: number;
  /** Requests this monitor may send in any minute. */
  budgetPerMinute: number;
  maxInFlight?: number;
}

export type { PollClass } from './pollSchedule.ts';
export { TERMINAL_FACTOR } from './pollSchedule.ts';

/**
 * Decides which pinned task is fetched when. Every request is paid from a RequestBudget, so the
 * key's rate limit holds however many tasks are pinned; when the budget cannot cover every task at
 * its interval, all intervals stretch by the same factor, and finished tasks, being 60 times
 * cheaper, leave nearly all of it to the running ones. Errors back off per task (exponential, with
 * jitter, never beyond one interval so recovery is seen within an interval); a 429 pauses all
 * requests, since the limit is the key's; a 401 pauses everything until the key changes.
 */
export class TaskMonitor {
  private readonly options: TaskMonitorOptions;
  private readonly budget: RequestBudget;
  private readonly userRequests = new PriorityRequests();
  private readonly tasks = new Map<number, Schedule>();
  private readonly pauses = new Set<PauseReason>();
  private intervalMs: number;
  private rateLimitedUntil = 0;
  /** 429s in a row: each one doubles the floor of the next pause. */
  private rateLimitStreak = 0;
  private inFlight = 0;
  /** Raised when the key, the server or the task set is replaced: older answers are dropped. */
  private epoch = 0;
  private timer: TimerHandle | null = null;
  private running = false;

  constructor(options: TaskMonitorOptions) {
    this.options = options;
    this.intervalMs = options.intervalMs;
    this.budget = new RequestBudget(options.budgetPerMinute);
  }

  start(): void {
    this.running = true;
    this.wake();
  }

  stop(): void {
    this.running = false;
    this.clearTimer();
  }

  /** A task to watch. A new pin is due at once, ahead of everything else. */
  add(taskId: number, pollClass: PollClass = 'active'): void {
    const existing = this.tasks.get(taskId);
    if (existing) {
      existing.removed = false; // an undo while its request is out: that answer will do
      return;
    }
    this.tasks.set(taskId, { pollClass, dueAt: 0, polledAt: null, failures: 0, inFlight: false, removed: false });
    this.wake();
  }

  remove(taskId: number): void {
    const schedule = this.tasks.get(taskId);
    if (schedule?.inFlight) schedule.removed = true;
    else this.tasks.delete(taskId);
  }

  has(taskId: number): boolean {
    return this.tasks.get(taskId)?.removed === false;
  }

  /**
   * A new set of tasks (another state was adopted): answers still out are dropped, pauses and the
   * budget's window carry over, since the key's limit does not start again.
   */
  replaceTasks(tasks: readonly { id: number; pollClass: PollClass }[]): void {
    this.invalidateInFlight();
    for (const [id, schedule] of this.tasks) if (!schedule.inFlight) this.tasks.delete(id);
    for (const schedule of this.tasks.values()) schedule.removed = true;
    for (const { id, pollClass } of tasks) {
      const existing = this.tasks.get(id);
      if (existing) Object.assign(existing, { pollClass, dueAt: 0, removed: false });
      else this.add(id, pollClass);
    }
    this.wake();
  }

  /** The key or the server changed: answers to requests already sent are dropped, and asked again. */
  invalidateInFlight(): void {
    this.epoch++;
    for (const schedule of this.tasks.values()) if (schedule.inFlight) schedule.dueAt = 0;
  }

  /** Everything is due now, the longest waiting first; the budget still applies. */
  refreshNow(): void {
    const now = this.options.clock.now();
    for (const schedule of this.tasks.values()) {
      schedule.dueAt = Math.min(schedule.dueAt, now);
      schedule.failures = 0;
    }
    this.wake();
  }

  pause(reason: PauseReason): void {
    this.pauses.add(reason);
    this.clearTimer();
  }

  /** Lifts one reason; polling resumes when none is left. */
  resume(reason: PauseReason): void {
    if (!this.pauses.delete(reason)) return;
    this.wake();
  }

  /** Sleep and offline pause polling; waking, coming online and unlocking refresh at once. */
  applySystemChange(change: SystemChange): void {
    if (change.suspended === true) this.pause('suspended');
    if (change.online === false) this.pause('offline');
    if (change.suspended === false) this.resume('suspended');
    if (change.online === true) this.resume('offline');
    if (change.suspended === false || change.online === true || change.locked === false) this.refreshNow();
  }

  pausedBy(): PauseReason[] {
    return [...this.pauses];
  }

  setIntervalMs(intervalMs: number): void {
    this.intervalMs = intervalMs;
    this.reclamp();
  }

  setBudgetPerMinute(perMinute: number): void {
    this.budget.setLimit(perMinute);
    this.reclamp();
  }

  budgetPerMinute(): number {
    return this.budget.limit();
  }

  /** The app's own requests (key checks, approver lookups), at poll priority: behind the user's, if the budget allows. */
  trySpend(): boolean {
    return !this.userRequests.isWaiting() && this.budget.tryTake(this.options.clock.now());
  }

  /** A request the user asked for (checking a key they typed): counted, never refused. */
  spend(): void {
    this.budget.record(this.options.clock.now());
  }

  /** A request the user asked for (approve, cancel, a document): ahead of queued polls, never past the budget. */
  whenBudgetAllows(): Promise<void> {
    const paid = this.userRequests.enqueue();
    this.wake();
    return paid;
  }

  requestsInLastMinute(): number {
    return this.budget.usedInWindow(this.options.clock.now());
  }

  rateLimitedUntilTime(): number | null {
    return this.rateLimitedUntil > this.options.clock.now() ? this.rateLimitedUntil : null;
  }

  /** By how much every interval is stretched so that all pinned tasks fit the budget (1 = not at all). */
  stretch(): number {
    return stretchFor(this.tasks.values(), this.intervalMs, this.budget.limit());
  }

  private wake(): void {
    this.clearTimer();
    const userWaitsUntil = this.userRequests.serve(this.budget, this.options.clock.now(), this.rateLimitedUntil);
    if (userWaitsUntil !== null) return this.wakeAt(userWaitsUntil); // polls wait behind the user's requests
    if (!this.running || this.pauses.size > 0) return;
    const now = this.options.clock.now();
    if (now < this.rateLimitedUntil) return this.wakeAt(this.rateLimitedUntil);
    const maxInFlight = this.options.maxInFlight ?? 4;
    while (this.inFlight < maxInFlight) {
      const next = this.mostOverdue();
      if (!next || next[1].dueAt > now) break;
      if (!this.budget.tryTake(now)) break;
      this.launch(next[0], next[1]);
    }
    if (this.inFlight >= maxInFlight) return; // a finishing request wakes us
    const next = this.mostOverdue();
    if (next) this.wakeAt(Math.max(next[1].dueAt, this.budget.nextAvailableAt(now)));
  }

  private mostOverdue(): [number, Schedule] | undefined {
    let best: [number, Schedule] | undefined;
    for (const entry of this.tasks) {
      if (entry[1].inFlight || entry[1].removed) continue;
      if (!best || entry[1].dueAt < best[1].dueAt) best = entry;
    }
    return best;
  }

  private launch(taskId: number, schedule: Schedule): void {
    schedule.inFlight = true;
    schedule.polledAt = this.options.clock.now();
    this.inFlight++;
    const epoch = this.epoch;
    this.options.fetchTask(taskId).then(
      (result) => this.finish(taskId, schedule, epoch, result),
      (error: unknown) => this.finish(taskId, schedule, epoch, { ok: false, error: { kind: 'network', message: String(error) } }),
    );
  }

  private finish(taskId: number, schedule: Schedule, epoch: number, result: ApiResult<Task>): void {
    this.inFlight--;
    schedule.inFlight = false;
    if (schedule.removed) {
      if (this.tasks.get(taskId) === schedule) this.tasks.delete(taskId);
    } else if (epoch === this.epoch && this.running) {
      this.reschedule(schedule, result);
      this.options.onResult(taskId, result);
    }
    this.wake();
  }

  /** After a shorter interval or a larger budget, nothing waits longer than the new rules say. */
  private reclamp(): void {
    const stretch = this.stretch();
    for (const schedule of this.tasks.values()) {
      if (schedule.polledAt === null || schedule.failures > 0) continue;
      schedule.dueAt = Math.min(schedule.dueAt, schedule.polledAt + baseInterval(schedule.pollClass, this.intervalMs) * stretch);
    }
    this.wake();
  }

  private reschedule(schedule: Schedule, result: ApiResult<Task>): void {
    const now = this.options.clock.now();
    const error = result.ok ? null : result.error;
    this.rateLimitStreak = error?.kind === 'rate-limited' ? this.rateLimitStreak + 1 : 0;
    if (error?.kind === 'rate-limited') {
      // The limit is the key's: every request waits; this task is first in line when the pause ends.
      this.rateLimitedUntil = Math.max(this.rateLimitedUntil, now + rateLimitPause(error.retryAfterMs, this.rateLimitStreak, this.budget.limit()));
      schedule.dueAt = now;
    } else if (error?.kind === 'unauthorized') {
      this.pauses.add(error.reason === 'key-required' ? 'no-key' : 'unauthorized');
      schedule.dueAt = now;
    } else {
      rescheduleAfter(schedule, result, { now, intervalMs: this.intervalMs, stretch: this.stretch(), random: this.options.random });
    }
  }

  private wakeAt(at: number): void {
    this.clearTimer();
    const delay = Math.max(0, at - this.options.clock.now());
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      this.wake();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
