/**
 * A TEST AFFORDANCE, only with `--test-clock`: the preview's clock runs as the real one plus an
 * offset that a test moves forward (POST /__test/advance-clock {"ms": N}), so an end-to-end test can
 * let an hour-long snooze end without waiting an hour. Timers keep real time; the engine ends
 * snoozes by comparing wall-clock times, and it is told to look again after each jump, as after a
 * sleep. Never on in normal use.
 */
import type { Clock } from '../../core/app/ports.ts';
import { realClock } from '../../core/app/realClock.ts';

const MAX_ADVANCE_MS = 366 * 24 * 60 * 60_000;

export class TestClock implements Clock {
  #offset = 0;

  now(): number {
    return realClock.now() + this.#offset;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    return realClock.setTimeout(callback, ms);
  }

  clearTimeout(handle: unknown): void {
    realClock.clearTimeout(handle);
  }

  /** Moves the wall clock on; false for anything but a positive whole number of ms within a year. */
  advance(ms: unknown): boolean {
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms <= 0 || ms > MAX_ADVANCE_MS) return false;
    this.#offset += ms;
    return true;
  }
}
