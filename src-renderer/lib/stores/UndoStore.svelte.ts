import { browserClock, type Clock } from '../clock.ts';

export interface Undo {
  taskId: number;
  title: string;
}

/** How long Undo is offered. */
export const UNDO_MS = 10_000;
/** After a pause, the undo bar stays at least this long. */
export const UNDO_MIN_LEFT_MS = 3_000;

/**
 * The Undo offered after an unpin: it goes by itself after a while, and its time stands still while
 * it is held (the pointer or focus is on it), so it cannot vanish under the hand.
 */
export class UndoStore {
  current = $state<Undo | null>(null);
  readonly #clock: Clock;
  #timer: unknown;
  #held = false;
  #left = 0;
  #since = 0;

  constructor(clock: Clock = browserClock) {
    this.#clock = clock;
  }

  offer(undo: Undo): void {
    this.current = undo;
    this.#held = false;
    this.#run(UNDO_MS);
  }

  hold(): void {
    if (!this.current || this.#held) return;
    this.#held = true;
    this.#clock.clearTimeout(this.#timer);
    this.#left = Math.max(0, this.#left - (this.#clock.now() - this.#since));
  }

  /** Pointer and focus have left: the rest of the time runs (at least a few seconds). */
  release(): void {
    if (!this.current || !this.#held) return;
    this.#held = false;
    this.#run(Math.max(this.#left, UNDO_MIN_LEFT_MS));
  }

  /** Takes the offer (Undo was pressed): it is gone from the bar, and returned once. */
  take(): Undo | null {
    const undo = this.current;
    this.dispose();
    return undo;
  }

  dispose(): void {
    this.#clock.clearTimeout(this.#timer);
    this.current = null;
  }

  #run(ms: number): void {
    this.#clock.clearTimeout(this.#timer);
    this.#left = ms;
    this.#since = this.#clock.now();
    this.#timer = this.#clock.setTimeout(() => (this.current = null), ms);
  }
}
