import type { Clock, TimerHandle } from '../app/ports.ts';

/**
 * Runs `run` once, `delayMs` (or the delay given) after the first `schedule()`; further calls while it is waiting change
 * nothing, so a burst of requests costs one run (VS Code's RunOnceScheduler, on the injected clock).
 * `cancel()` drops a waiting run; the timer can be scheduled again afterwards.
 */
export class OneShotTimer {
  private handle: TimerHandle | null = null;
  private readonly clock: Clock;
  private readonly run: () => void;
  private readonly delayMs: number;

  constructor(clock: Clock, delayMs: number, run: () => void) {
    this.clock = clock;
    this.delayMs = delayMs;
    this.run = run;
  }

  /** Starts the countdown unless one is already running: the first call's deadline stands. */
  schedule(delayMs = this.delayMs): void {
    if (this.handle !== null) return;
    this.handle = this.clock.setTimeout(() => {
      this.handle = null;
      this.run();
    }, delayMs);
  }

  isScheduled(): boolean {
    return this.handle !== null;
  }

  cancel(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }
}
