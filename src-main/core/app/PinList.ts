import type { PersistedPin } from './PersistedState.ts';
import type { LivePin } from './summarize.ts';

/** The pinned tasks in the user's order (newest first), with one level of undo for unpinning. */
export class PinList {
  private pins: LivePin[];
  private lastRemoved: { pin: LivePin; index: number } | null = null;

  constructor(persisted: readonly PersistedPin[] = []) {
    this.pins = persisted.map((p) => ({ ...p, lastCheckedAt: null, lastError: null }));
  }

  all(): readonly LivePin[] {
    return this.pins;
  }

  find(taskId: number): LivePin | undefined {
    return this.pins.find((p) => p.id === taskId);
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
    this.lastRemoved = { pin: pin!, index };
    return pin!;
  }

  /** Puts the last removed pin back where it was, baseline and all; null when there is none. */
  restoreLastRemoved(): LivePin | null {
    const last = this.lastRemoved;
    this.lastRemoved = null;
    if (!last || this.has(last.pin.id)) return null;
    this.pins.splice(Math.min(last.index, this.pins.length), 0, last.pin);
    return last.pin;
  }

  /** Another server: every pin takes a new, silent baseline from it. */
  rebaseline(): void {
    for (const pin of this.pins) Object.assign(pin, { snapshot: null, unseen: false, unavailable: false, lastError: null, lastCheckedAt: null });
    this.lastRemoved = null;
  }

  persisted(): PersistedPin[] {
    return this.pins.map(({ id, pinnedAt, snapshot, unseen, unavailable }) => ({ id, pinnedAt, snapshot, unseen, unavailable }));
  }
}
