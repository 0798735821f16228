import { isTerminalStatus } from '../chamelio/Task.ts';
import type { PollClass } from '../tasks/TaskMonitor.ts';
import type { LivePin } from './LivePin.ts';
import type { PersistedPin } from './PersistedState.ts';
import { pinTriage } from './pinTriage.ts';

/**
 * The most tasks one can pin. The desktop store's schema (electron/settingsStore.ts) uses this same
 * number, so a state the engine keeps is always a state the store accepts: past it a save would be
 * refused by the schema and every later change lost at the next restart.
 */
export const MAX_PINS = 1000;

/** The pinned tasks in the user's order (newest first), with one level of undo for unpinning. */
export class PinList {
  private pins: LivePin[];
  /** What the last unpin removed (one task, or all finished ones), with where each was. */
  private lastRemoved: { pin: LivePin; index: number }[] = [];

  constructor(persisted: readonly PersistedPin[] = []) {
    this.pins = [];
    this.replace(persisted);
  }

  /** Another state taken: these pins, nothing to undo. */
  replace(persisted: readonly PersistedPin[]): void {
    this.pins = persisted.map((p) => ({ ...p, lastCheckedAt: null, lastError: null }));
    this.lastRemoved = [];
  }

  /** Pins the ids not pinned yet, first in the list, in the order given. */
  addAll(ids: readonly number[], now: number): { pinned: number[]; alreadyPinned: number[] } {
    const pinned: number[] = [];
    const alreadyPinned: number[] = [];
    for (const id of ids) {
      if (this.has(id)) alreadyPinned.push(id);
      else {
        this.add(id, now);
        pinned.push(id);
      }
    }
    return { pinned, alreadyPinned };
  }

  all(): readonly LivePin[] {
    return this.pins;
  }

  find(taskId: number): LivePin | undefined {
    return this.pins.find((p) => p.id === taskId);
  }

  /** How many more tasks may be pinned. */
  room(): number {
    return Math.max(0, MAX_PINS - this.pins.length);
  }

  has(taskId: number): boolean {
    return this.find(taskId) !== undefined;
  }

  /** A new pin goes first; it has no snapshot yet, so its first fetch is a silent baseline. */
  add(taskId: number, now: number): void {
    this.pins.unshift({ id: taskId, pinnedAt: now, snapshot: null, unseen: false, unavailable: false, lastCheckedAt: null, lastError: null });
  }

  remove(taskId: number): LivePin | null {
    const index = this.pins.findIndex((p) => p.id === taskId);
    if (index < 0) return null;
    const [pin] = this.pins.splice(index, 1);
    this.lastRemoved = [{ pin: pin!, index }];
    return pin!;
  }

  /** Removes every pin that matches, as one step to undo; returns them. */
  removeWhere(matches: (pin: LivePin) => boolean): LivePin[] {
    const removed = this.pins.map((pin, index) => ({ pin, index })).filter(({ pin }) => matches(pin));
    if (removed.length === 0) return [];
    this.pins = this.pins.filter((pin) => !matches(pin));
    this.lastRemoved = removed;
    return removed.map(({ pin }) => pin);
  }

  /** Puts the last removed pins back where they were, baselines and all; empty when there are none. */
  restoreLastRemoved(): LivePin[] {
    const last = this.lastRemoved.filter(({ pin }) => !this.has(pin.id));
    this.lastRemoved = [];
    for (const { pin, index } of last) this.pins.splice(Math.min(index, this.pins.length), 0, pin);
    return last.map(({ pin }) => pin);
  }

  /** Another server: every pin takes a new, silent baseline from it. */
  rebaseline(): void {
    for (const pin of this.pins) Object.assign(pin, { snapshot: null, unseen: false, unavailable: false, lastError: null, lastCheckedAt: null });
    this.lastRemoved = [];
  }

  persisted(): PersistedPin[] {
    return this.pins.map(({ id, pinnedAt, snapshot, unseen, unavailable, snooze, notificationLevel }) => ({
      id,
      pinnedAt,
      snapshot,
      unseen,
      unavailable,
      ...pinTriage({ snooze, notificationLevel }),
    }));
  }
}

/** How often the monitor asks about a pin: finished and missing tasks less often. */
export function pollClassOf(pin: LivePin): PollClass {
  if (pin.unavailable) return 'unavailable';
  return pin.snapshot && isTerminalStatus(pin.snapshot.status) ? 'terminal' : 'active';
}
