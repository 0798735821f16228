/**
 * The snoozes of pinned tasks, kept on the pins (so they are persisted, unpinned and undone with
 * them). While a task is snoozed its changes go into the history but never into a notification; a
 * timed snooze keeps them and, when it ends, marks the task unseen and hands them to the policy to
 * be announced once. "Until it changes" ends with the next change, which is notified as usual.
 *
 * A snooze ends by comparing wall-clock times, at each check and whenever the engine is told the
 * machine woke up, never by one long timer: timers stop during sleep and a clock change moves
 * "now" under them.
 */
import type { TaskChangeSet } from '../notify/NotificationPolicy.ts';
import type { TaskChange } from '../tasks/TaskChange.ts';
import type { SnoozeSummary } from './AppSnapshot.ts';
import type { Clock, TimerHandle } from './ports.ts';
import { makeSnooze, MAX_MISSED_CHANGES, type SnoozeChoice } from './snooze.ts';
import type { LivePin } from './LivePin.ts';

/** A running snooze is looked at least this often, so a clock change is noticed within a minute. */
const SNOOZE_CHECK_MS = 60_000;

interface SnoozesDeps {
  clock: Clock;
  timeZone: () => string;
  pins: () => readonly LivePin[];
  /** Hands what woken tasks missed to the policy, like any cycle's changes. */
  announce: (sets: TaskChangeSet[]) => void;
  /** Something about the pins changed: persist it and tell the UI. */
  changed: () => void;
}

export type SnoozeResult = { ok: true; snooze: SnoozeSummary } | { ok: false; message: string };

export class Snoozes {
  private readonly deps: SnoozesDeps;
  private timer: TimerHandle | null = null;
  private stopped = false;
  /** The earliest end of a running snooze: before it, a check costs one comparison. */
  private nextDue = -Infinity;

  constructor(deps: SnoozesDeps) {
    this.deps = deps;
  }

  snooze(taskId: number, choice: SnoozeChoice): SnoozeResult {
    const pin = this.find(taskId);
    if (!pin) return { ok: false, message: 'This task is not pinned.' };
    const made = makeSnooze(choice, this.deps.clock.now(), this.deps.timeZone());
    if (!made.ok) return made;
    // Snoozing again keeps what the earlier snooze swallowed: it is still to be announced.
    const missed = pin.snooze?.kind === 'timed' ? pin.snooze.missed : [];
    pin.snooze = made.snooze.kind === 'timed' ? { ...made.snooze, missed } : made.snooze;
    this.deps.changed();
    this.nextDue = -Infinity;
    this.check();
    return { ok: true, snooze: summaryOf(pin)! };
  }

  /** Ends a snooze now. What it swallowed is marked unseen, not notified: the user is looking. */
  unsnooze(taskId: number): void {
    const pin = this.find(taskId);
    if (!pin?.snooze) return;
    if (pin.snooze.kind === 'timed' && pin.snooze.missed.length > 0) pin.unseen = true;
    pin.snooze = null;
    this.deps.changed();
  }

  isSnoozed(taskId: number): boolean {
    return this.find(taskId)?.snooze != null;
  }

  /**
   * Called with each recorded change of a task. True when the snooze swallows it (recorded, never
   * notified); false when it goes on as usual, ending a snooze "until it changes" on the way.
   */
  absorb(pin: LivePin, changes: readonly TaskChange[]): boolean {
    const snooze = pin.snooze;
    if (!snooze) return false;
    if (snooze.kind === 'until-change') {
      pin.snooze = null;
      return false;
    }
    snooze.missed = [...snooze.missed, ...changes].slice(-MAX_MISSED_CHANGES);
    return true;
  }

  /** Ends every timed snooze that is due by the wall clock, and looks again within a minute. */
  check(): void {
    const now = this.deps.clock.now();
    if (this.stopped || now < this.nextDue) return;
    const woken: TaskChangeSet[] = [];
    let next = Infinity;
    let any = false;
    for (const pin of this.deps.pins()) {
      const snooze = pin.snooze;
      if (snooze?.kind !== 'timed') continue;
      if (snooze.until > now) {
        next = Math.min(next, snooze.until);
        continue;
      }
      any = true;
      pin.snooze = null;
      if (snooze.missed.length === 0 || !pin.snapshot) continue;
      pin.unseen = true;
      woken.push({ task: pin.snapshot, changes: snooze.missed });
    }
    this.nextDue = next; // before telling anyone: a check from inside `changed` costs a comparison
    if (any) this.deps.changed();
    if (woken.length > 0) this.deps.announce(woken);
    this.arm(next === Infinity ? null : Math.min(SNOOZE_CHECK_MS, next - now));
  }

  /** Restarts checking (after stop, or a new set of pins). */
  start(): void {
    this.stopped = false;
    this.nextDue = -Infinity;
    this.check();
  }

  stop(): void {
    this.stopped = true;
    this.arm(null);
  }

  private arm(delay: number | null): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
    if (delay === null || this.stopped) return;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      this.check();
    }, Math.max(0, delay));
  }

  private find(taskId: number): LivePin | undefined {
    return this.deps.pins().find((p) => p.id === taskId);
  }
}

function summaryOf(pin: LivePin): SnoozeSummary | null {
  const snooze = pin.snooze;
  if (!snooze) return null;
  return snooze.kind === 'timed' ? { kind: 'timed', until: snooze.until } : { kind: 'until-change' };
}

/** The triage fields of a list row. */
export function triageSummary(pin: LivePin): { snooze: SnoozeSummary | null; notificationLevel: NonNullable<LivePin['notificationLevel']> } {
  return { snooze: summaryOf(pin), notificationLevel: pin.notificationLevel ?? 'global' };
}
