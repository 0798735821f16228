import { OneShotTimer } from '../time/OneShotTimer.ts';
import type { AppSnapshot } from './AppSnapshot.ts';
import type { Clock, Logger } from './ports.ts';

/** State changes are pushed to listeners at most this often. */
export const EMIT_DELAY_MS = 50;
/** A poll that found nothing new moves only "checked …": that is pushed at most this often. */
export const CHECKED_REFRESH_MS = 30_000;

/**
 * Pushes the engine's snapshot to its listeners (the transports, the tray), coalescing a burst of
 * changes into one snapshot built when the burst is over.
 */
export class SnapshotFeed {
  private readonly listeners = new Set<(snapshot: AppSnapshot) => void>();
  private readonly timer: OneShotTimer;
  private readonly clock: Clock;
  private readonly build: () => AppSnapshot;
  private readonly after: (snapshot: AppSnapshot) => void;
  private readonly logger: Pick<Logger, 'error'> | undefined;
  private pushedAt = -Infinity;

  /** `after` sees each snapshot once every listener has (the tray). */
  constructor(clock: Clock, build: () => AppSnapshot, after: (snapshot: AppSnapshot) => void = () => {}, logger?: Pick<Logger, 'error'>) {
    this.clock = clock;
    this.logger = logger;
    this.build = build;
    this.after = after;
    this.timer = new OneShotTimer(clock, EMIT_DELAY_MS, () => this.push());
  }

  subscribe(listener: (snapshot: AppSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    this.timer.schedule();
  }

  /** Pushes now, without a timer of its own, when none is due and the last push is older than `ms`. */
  refreshIfOlderThan(ms: number): void {
    if (!this.timer.isScheduled() && this.clock.now() - this.pushedAt >= ms) this.push();
  }

  stop(): void {
    this.timer.cancel();
  }

  /** Runs from a timer: whatever throws here (a listener, the tray) would be uncaught and stop the app. */
  private push(): void {
    this.pushedAt = this.clock.now();
    try {
      const snapshot = this.build();
      for (const listener of this.listeners) listener(snapshot);
      this.after(snapshot);
    } catch (error) {
      this.logger?.error('showing the new state failed', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }
}
