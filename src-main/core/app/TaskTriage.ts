/**
 * Control over noise, per task: snoozes, notification levels, and what a notification's buttons do.
 * AppService delegates its triage commands here; the rules live in Snoozes, snooze.ts,
 * taskNotificationLevel.ts and notificationActions.ts.
 */
import type { NotificationContext, TaskChangeSet } from '../notify/NotificationPolicy.ts';
import { intentOf, SNOOZE_DAY_MS, type NotificationIntent } from '../notify/notificationActions.ts';
import { isNotificationLevel, type NotificationLevel } from '../notify/taskNotificationLevel.ts';
import { systemTimeZone } from './localTime.ts';
import type { PinList } from './PinList.ts';
import type { Clock, Notifier } from './ports.ts';
import type { NotificationActivation, PlannedNotification } from '../notify/PlannedNotification.ts';
import { isTerminalStatus } from '../chamelio/Task.ts';
import { taskLink } from './taskLink.ts';
import type { Settings } from './Settings.ts';
import type { SnoozeChoice } from './snooze.ts';
import { Snoozes, type SnoozeResult } from './Snoozes.ts';
import type { LivePin } from './LivePin.ts';

interface TaskTriageHooks {
  /** Hands changes to the notification pipeline, as a cycle's own. */
  announce: (sets: TaskChangeSet[]) => void;
  /** Pins changed: persist and tell the UI. */
  changed: () => void;
  settings: () => Pick<Settings, 'notificationClick'>;
  /** These pins were removed (by "Unpin finished"): stop polling them. */
  unpinned: (ids: readonly number[]) => void;
}

/** "Send a test notification": shown, or why not in plain words. */
export type TestNotificationResult = { ok: true } | { ok: false; reason: 'unsupported' | 'failed'; message: string };

const TEST_NOTIFICATION: PlannedNotification = {
  id: 'test',
  kind: 'test',
  taskIds: [],
  title: 'Chamelio Tray',
  body: 'Notifications work. Changes to your pinned tasks will look like this.',
  assignedToYou: false,
  actions: [],
};

interface TaskTriageDeps extends TaskTriageHooks {
  clock: Clock;
  notifier: Notifier;
  pinList: PinList;
  timeZone: string;
  pins: () => readonly LivePin[];
}

export class TaskTriage {
  readonly snoozes: Snoozes;
  private readonly deps: TaskTriageDeps;

  constructor(ports: { clock: Clock; notifier: Notifier; timeZone?: string }, pins: PinList, hooks: TaskTriageHooks) {
    const timeZone = ports.timeZone ?? systemTimeZone();
    this.deps = { ...hooks, clock: ports.clock, notifier: ports.notifier, pinList: pins, timeZone, pins: () => pins.all() };
    this.snoozes = new Snoozes({ ...this.deps, timeZone: () => timeZone });
  }

  snooze(taskId: number, choice: SnoozeChoice): SnoozeResult {
    return this.snoozes.snooze(taskId, choice);
  }

  unsnooze(taskId: number): void {
    this.snoozes.unsnooze(taskId);
  }

  setNotificationLevel(taskId: number, level: NotificationLevel): void {
    const pin = this.deps.pins().find((p) => p.id === taskId);
    if (!pin || !isNotificationLevel(level) || (pin.notificationLevel ?? 'global') === level) return;
    pin.notificationLevel = level;
    this.deps.changed();
  }

  /** Unpins every finished task in one step, which the existing undo puts back; says how many. */
  unpinFinished(): number {
    const removed = this.deps.pinList.removeWhere((pin) => pin.snapshot !== null && isTerminalStatus(pin.snapshot.status));
    if (removed.length > 0) this.deps.unpinned(removed.map((pin) => pin.id));
    return removed.length;
  }

  /** Every pinned task's link, one a line, in list order: a colleague can paste them into their tray. */
  copyPinnedLinks(): string {
    return this.deps.pins().map((pin) => taskLink(pin.id)).join('\n');
  }

  /** Shows a notification that says notifications work, or why it could not. */
  sendTestNotification(): TestNotificationResult {
    if (this.deps.notifier.isSupported?.() === false) {
      return { ok: false, reason: 'unsupported', message: 'This system does not show notifications from this app. Check its notification settings.' };
    }
    try {
      this.deps.notifier.show(TEST_NOTIFICATION);
      return { ok: true };
    } catch {
      return { ok: false, reason: 'failed', message: 'The notification could not be shown. Check that notifications are allowed for Chamelio Tray.' };
    }
  }

  /** What the policy needs to know about each task. */
  policyContext(): Pick<NotificationContext, 'timeZone' | 'levelOf' | 'isSnoozed'> {
    return {
      timeZone: this.deps.timeZone,
      levelOf: (taskId) => this.deps.pins().find((p) => p.id === taskId)?.notificationLevel ?? 'global',
      isSnoozed: (taskId) => this.snoozes.isSnoozed(taskId),
    };
  }

  /** A notification's button or body was chosen: do the engine's part, and say what the shell shows. */
  notificationActivated(activation: NotificationActivation): NotificationIntent {
    const pinned = activation.taskIds.filter((id) => this.deps.pins().some((p) => p.id === id));
    if (activation.actionId === 'snooze-day') {
      const at = this.deps.clock.now() + SNOOZE_DAY_MS;
      for (const taskId of pinned) this.snooze(taskId, { kind: 'until', at });
    }
    // A task unpinned since the notification opens nothing of its own: the list shows instead.
    return intentOf({ ...activation, taskIds: pinned }, this.deps.settings().notificationClick);
  }
}
