/**
 * The OS tells the engine when polling makes no sense (asleep, offline) and when it should look at
 * once (woken, unlocked, back online), as Gitify refetches on resume and unlock-screen.
 */
import type { Clock, TimerHandle } from '../core/app/ports.ts';

export interface SystemStateChange {
  online?: boolean;
  suspended?: boolean;
  locked?: boolean;
}

interface SystemStateSink {
  setSystemState(change: SystemStateChange): void;
}

type PowerEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen';

const POWER_EVENT_CHANGES: Record<PowerEvent, SystemStateChange> = {
  suspend: { suspended: true },
  resume: { suspended: false },
  'lock-screen': { locked: true },
  'unlock-screen': { locked: false },
};

interface PowerMonitorLike {
  on(event: PowerEvent, listener: () => void): unknown;
}

export function wirePowerMonitor(powerMonitor: PowerMonitorLike, sink: SystemStateSink, afterWake?: () => void): void {
  for (const event of Object.keys(POWER_EVENT_CHANGES) as PowerEvent[]) {
    powerMonitor.on(event, () => {
      sink.setSystemState(POWER_EVENT_CHANGES[event]);
      if (event === 'resume' || event === 'unlock-screen') afterWake?.();
    });
  }
}

/** How often `net.isOnline()` is asked; Electron has no online/offline event in main. */
export const ONLINE_POLL_MS = 10_000;

/** Reports connectivity to the engine when it changes (and once at start). */
export class OnlineWatcher {
  private readonly isOnline: () => boolean;
  private readonly clock: Clock;
  private readonly sink: SystemStateSink;
  private last: boolean | null = null;
  private timer: TimerHandle | null = null;

  constructor(deps: { isOnline: () => boolean; clock: Clock; sink: SystemStateSink }) {
    this.isOnline = deps.isOnline;
    this.clock = deps.clock;
    this.sink = deps.sink;
  }

  start(): void {
    this.check();
    this.schedule();
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Asks now (after waking up, the answer may have changed while asleep). */
  check(): void {
    const online = this.isOnline();
    if (online === this.last) return;
    this.last = online;
    this.sink.setSystemState({ online });
  }

  private schedule(): void {
    this.timer = this.clock.setTimeout(() => {
      this.check();
      this.schedule();
    }, ONLINE_POLL_MS);
  }
}
